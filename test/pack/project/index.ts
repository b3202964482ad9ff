import { AwsBuyTrack } from "@aitracks/components";

const track = new AwsBuyTrack("support-assistant", {
  region: "us-east-1",
  models: ["anthropic.claude-3-5-haiku-20241022-v1:0"],
  monthlyBudgetUsd: 500,
  tags: { team: "platform", "cost-center": "cc-1234", owner: "ml-platform@example.com" },
});

export const guardrailId = track.guardrail.guardrailId;
