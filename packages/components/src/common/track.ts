import type * as pulumi from "@pulumi/pulumi";
import type { Cloud, Track } from "@aitracks/core";

/** Arguments every track component takes, whatever its cloud. */
export interface TrackBaseArgs {
  /**
   * Tags (AWS, Azure) or labels (GCP) put on every resource the track creates. The stack program
   * passes the standard set (track, owner, cost centre, decision review date).
   */
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** What the stack program asks of every track component: its cell, and the outputs users need. */
export interface TrackComponent {
  readonly track: Track;
  readonly cloud: Cloud;
  /** Stack outputs for this track: endpoints, model ids, bucket names. */
  readonly outputs: Record<string, pulumi.Input<unknown>>;
}
