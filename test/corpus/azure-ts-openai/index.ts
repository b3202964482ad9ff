// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";

const config = new pulumi.Config();
// Thousands of tokens per minute the deployment may use
const capacity = config.getNumber("capacity") ?? 10;

const resourceGroup = new resources.ResourceGroup("support-ai");

const openai = new cognitiveservices.Account("support-openai", {
    resourceGroupName: resourceGroup.name,
    kind: "OpenAI",
    sku: { name: "S0" },
    identity: { type: cognitiveservices.ResourceIdentityType.SystemAssigned },
    properties: {
        customSubDomainName: "acme-support-openai",
        publicNetworkAccess: cognitiveservices.PublicNetworkAccess.Disabled,
        disableLocalAuth: true,
        networkAcls: { defaultAction: cognitiveservices.NetworkRuleAction.Deny },
    },
});

const gpt4o = new cognitiveservices.Deployment("gpt-4o", {
    resourceGroupName: resourceGroup.name,
    accountName: openai.name,
    deploymentName: "gpt-4o",
    sku: { name: "GlobalStandard", capacity },
    properties: {
        model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" },
        versionUpgradeOption: cognitiveservices.DeploymentModelVersionUpgradeOption.OnceNewDefaultVersionAvailable,
    },
});

export const endpoint = openai.properties.endpoint;
export const deploymentName = gpt4o.name;
