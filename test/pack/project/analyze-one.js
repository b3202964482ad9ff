// Serves the installed @aitracks/policies folder as the Pulumi CLI does for
// `pulumi preview --policy-pack node_modules/@aitracks/policies`: starts
// `node <its @pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` in the pack folder, answers its
// Engine calls, reads the port it prints, then sends GetAnalyzerInfo and one Analyze (a SageMaker
// notebook with direct internet access). Prints one JSON line: the pack's name, its policy count
// and the policies the resource violates. Only this project's own node_modules are used.
const { spawn } = require("node:child_process");
const path = require("node:path");

const packDir = path.dirname(require.resolve("@aitracks/policies/package.json"));
const fromPulumi = (m) => require(require.resolve(m, { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] }))] }));
const grpc = fromPulumi("@grpc/grpc-js");
const pb = fromPulumi("@pulumi/pulumi/proto/analyzer_pb");
const rpc = fromPulumi("@pulumi/pulumi/proto/analyzer_grpc_pb");
const enginePb = fromPulumi("@pulumi/pulumi/proto/engine_pb");
const engineRpc = fromPulumi("@pulumi/pulumi/proto/engine_grpc_pb");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const { Empty } = fromPulumi("google-protobuf/google/protobuf/empty_pb");

async function main() {
  const logs = [];
  const engine = new grpc.Server();
  engine.addService(engineRpc.EngineService, {
    log: (call, cb) => (logs.push(call.request.getMessage()), cb(null, new Empty())),
    getRootResource: (_c, cb) => cb(null, new enginePb.GetRootResourceResponse()),
    setRootResource: (_c, cb) => cb(null, new enginePb.SetRootResourceResponse()),
  });
  const enginePort = await new Promise((ok, ko) => engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? ko(e) : ok(p))));
  const entry = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
  const child = spawn(process.execPath, [entry, `127.0.0.1:${enginePort}`, "."], { cwd: packDir, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((ok, ko) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.once("exit", (code) => ko(new Error(`run-policy-pack exited with ${code}: ${out}`)));
  });
  const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = (method, req) => new Promise((ok, ko) => client[method](req, (e, r) => (e ? ko(e) : ok(r))));
  try {
    const info = await call("getAnalyzerInfo", new Empty());
    const req = new pb.AnalyzeRequest();
    req.setType("aws:sagemaker/notebookInstance:NotebookInstance");
    req.setName("lab");
    req.setUrn("urn:pulumi:dev::platform-ai::aws:sagemaker/notebookInstance:NotebookInstance::lab");
    req.setProperties(Struct.fromJavaScript({ instanceType: "ml.t3.medium", roleArn: "arn:aws:iam::123456789012:role/lab", directInternetAccess: "Enabled" }));
    req.setOptions(new pb.AnalyzerResourceOptions());
    const provider = new pb.AnalyzerProviderResource();
    provider.setType("pulumi:providers:aws");
    provider.setName("default");
    provider.setUrn("urn:pulumi:dev::platform-ai::pulumi:providers:aws::default");
    provider.setProperties(Struct.fromJavaScript({ region: "us-east-1" }));
    req.setProvider(provider);
    const resp = await call("analyze", req);
    const violated = [...new Set(resp.getDiagnosticsList().map((d) => d.getPolicyname()))].sort();
    console.log(JSON.stringify({ pack: info.getName(), policies: info.getPoliciesList().length, violated }));
  } finally {
    client.close();
    child.kill();
    engine.forceShutdown();
  }
}
main().catch((err) => {
  console.error(`analyze-one: ${err.message}`);
  process.exit(1);
});
