// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

const config = new pulumi.Config();
const image = config.require("image");

// Top-level await: the project number names the Pub/Sub service agent below.
const project = await gcp.organizations.getProject({});

const orders = new gcp.pubsub.Topic("orders", {
    messageRetentionDuration: "86400s",
});

const invoker = new gcp.serviceaccount.Account("orders-invoker", {
    accountId: "orders-invoker",
    displayName: "Pub/Sub push invoker for the orders service",
});

const service = new gcp.cloudrunv2.Service("orders-service", {
    location: gcp.config.region,
    ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
    deletionProtection: false,
    template: {
        scalings: { minInstanceCount: 0, maxInstanceCount: 4 },
        containers: [{
            image,
            resources: { limits: { cpu: "1", memory: "512Mi" } },
        }],
    },
});

new gcp.cloudrunv2.ServiceIamMember("orders-invoker-binding", {
    name: service.name,
    location: service.location,
    role: "roles/run.invoker",
    member: pulumi.interpolate`serviceAccount:${invoker.email}`,
});

// Pub/Sub mints the OIDC tokens for push delivery as its own service agent.
new gcp.projects.IAMMember("pubsub-token-creator", {
    project: project.projectId,
    role: "roles/iam.serviceAccountTokenCreator",
    member: `serviceAccount:service-${project.number}@gcp-sa-pubsub.iam.gserviceaccount.com`,
});

new gcp.pubsub.Subscription("orders-push", {
    topic: orders.id,
    ackDeadlineSeconds: 30,
    pushConfig: {
        pushEndpoint: service.uri,
        oidcToken: { serviceAccountEmail: invoker.email },
    },
});

export const topicName = orders.name;
export const serviceUrl = service.uri;
