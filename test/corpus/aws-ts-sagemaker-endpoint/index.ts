// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();
const hfModelId = config.require("hfModelId");
const instanceType = config.get("instanceType") ?? "ml.g5.2xlarge";
const hfToken = config.requireSecret("hfToken");

const region = aws.getRegionOutput();

// Hugging Face Text Generation Inference container, published by AWS in every region
const image = pulumi.interpolate`763104351884.dkr.ecr.${region.region}.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04`;

const role = new aws.iam.Role("llm-execution-role", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "sagemaker.amazonaws.com" }),
});

new aws.iam.RolePolicyAttachment("llm-execution-sagemaker", {
    role: role.name,
    policyArn: "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
});

const model = new aws.sagemaker.Model("llm-model", {
    executionRoleArn: role.arn,
    primaryContainer: {
        image,
        environment: {
            HF_MODEL_ID: hfModelId,
            HF_TOKEN: hfToken,
            SM_NUM_GPUS: "1",
            MAX_INPUT_LENGTH: "4096",
            MAX_TOTAL_TOKENS: "8192",
        },
    },
});

const endpointConfig = new aws.sagemaker.EndpointConfiguration("llm-endpoint-config", {
    productionVariants: [{
        variantName: "AllTraffic",
        modelName: model.name,
        initialInstanceCount: 1,
        instanceType,
        containerStartupHealthCheckTimeoutInSeconds: 600,
    }],
});

const endpoint = new aws.sagemaker.Endpoint("llm-endpoint", {
    endpointConfigName: endpointConfig.name,
});

export const endpointName = endpoint.name;
