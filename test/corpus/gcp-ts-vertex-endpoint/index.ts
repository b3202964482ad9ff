// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import * as random from "@pulumi/random";

const config = new pulumi.Config();
const gcpConfig = new pulumi.Config("gcp");
const project = gcpConfig.require("project");
const region = gcpConfig.require("region");

// Bucket names are global: a random suffix keeps this one free
const suffix = new random.RandomId("suffix", { byteLength: 4 });

const artifacts = new gcp.storage.Bucket("prompt-logs", {
    name: pulumi.interpolate`${project}-prompt-logs-${suffix.hex}`,
    location: region,
    uniformBucketLevelAccess: true,
    lifecycleRules: [{ action: { type: "Delete" }, condition: { age: 30 } }],
});

const caller = new gcp.serviceaccount.Account("llm-caller", {
    accountId: "llm-caller",
    displayName: "Calls the Gemma endpoint",
});

new gcp.projects.IAMMember("llm-caller-vertex-user", {
    project,
    role: "roles/aiplatform.user",
    member: pulumi.interpolate`serviceAccount:${caller.email}`,
});

new gcp.storage.BucketIAMMember("llm-caller-writes-logs", {
    bucket: artifacts.name,
    role: "roles/storage.objectCreator",
    member: pulumi.interpolate`serviceAccount:${caller.email}`,
});

// One L4 replica, deployed straight from Model Garden
const gemma = new gcp.vertex.AiEndpointWithModelGardenDeployment("gemma", {
    location: region,
    publisherModelName: config.require("publisherModel"),
    modelConfig: { acceptEula: true },
    deployConfig: {
        dedicatedResources: {
            machineSpec: {
                machineType: config.require("machineType"),
                acceleratorType: config.require("acceleratorType"),
                acceleratorCount: 1,
            },
            minReplicaCount: 1,
            maxReplicaCount: 1,
        },
    },
});

export const endpoint = gemma.endpoint;
export const logsBucket = artifacts.url;
