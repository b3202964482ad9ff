/**
 * Local stand-ins for what `@azure/identity` signs in with:
 *  - Entra ID (AZURE_AUTHORITY_HOST): its OpenID discovery document and the v2.0 token endpoint,
 *    granting client credentials with a client secret or a federated client assertion (the
 *    GitHub OIDC token azure/login leaves in AZURE_FEDERATED_TOKEN_FILE). MSAL talks to https
 *    authorities only, so it serves TLS with the test certificate in fixtures/ (a process trusts
 *    it through NODE_EXTRA_CA_CERTS, read at start-up: the credential tests run the providers in
 *    fresh processes, as Pulumi does);
 *  - Entra's cloud instance discovery (login.microsoftonline.com/common/discovery/instance), which
 *    MSAL asks before a client-secret grant against an authority it does not know: a real run
 *    reaches it over the network; a test reaches it through `discoveryProxy()`, an HTTPS_PROXY
 *    that tunnels login.microsoftonline.com to this server (the certificate names both hosts);
 *  - the Azure CLI: an `az` on PATH answering `az account get-access-token` as the real one does.
 */
// @ts-nocheck

import { createServer, type Server } from "node:https";
import { createServer as createHttpServer } from "node:http";
import { connect } from "node:net";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";

export const ENTRA_CA_FILE = join(__dirname, "fixtures", "entra-fake.crt");
const KEY_FILE = join(__dirname, "fixtures", "entra-fake.key");

export interface EntraCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, string>;
}

export interface FakeEntraOptions {
  readonly tenant: string;
  readonly clientId: string;
  /** The access token it issues. */
  readonly token: string;
  /** The federated assertion (the OIDC token) it accepts, if any. */
  readonly federatedAssertion?: string;
  /** The client secret it accepts, if any. */
  readonly clientSecret?: string;
}

export class FakeEntra {
  readonly calls: EntraCall[] = [];
  private server!: Server;
  url = "";

  constructor(readonly opts: FakeEntraOptions) {}

  async start(): Promise<this> {
    this.server = createServer({ key: readFileSync(KEY_FILE), cert: readFileSync(ENTRA_CA_FILE) }, (req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        const path = (req.url ?? "/").split("?")[0]!;
        const body = Object.fromEntries(new URLSearchParams(raw));
        this.calls.push({ method: req.method ?? "GET", path, body });
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { "Content-Type": "application/json" });
          res.end(JSON.stringify(json));
        };
        const [, tenant, ...rest] = path.split("/");
        const where = rest.join("/");
        if (req.method === "GET" && path === "/common/discovery/instance") {
          // No metadata for this host: MSAL then treats the authority as a custom domain it may use.
          return send(200, { tenant_discovery_endpoint: `${this.url}/${this.opts.tenant}/v2.0/.well-known/openid-configuration`, "api-version": "1.1", metadata: [] });
        }

        if (tenant !== this.opts.tenant) return send(400, { error: "invalid_request", error_description: `AADSTS90002: Tenant '${tenant}' not found.\r\nTrace ID: 1` });
        const base = `${this.url}/${tenant}`;
        if (req.method === "GET" && where === "v2.0/.well-known/openid-configuration") {
          return send(200, {
            issuer: `${base}/v2.0`,
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
          });
        }
        if (req.method === "POST" && where === "oauth2/v2.0/token") return send(...this.grant(body));
        return send(404, { error: "not_found", error_description: path });
      });
    });
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    const port = (this.server.address() as AddressInfo).port;
    this.url = `https://127.0.0.1:${port}`;
    return this;
  }

  stop(): Promise<void> {
    this.proxy?.close();
    return new Promise((r) => this.server.close(() => r()));
  }

  private proxy: import("node:http").Server | undefined;

  /**
   * An HTTP CONNECT proxy (for HTTPS_PROXY) tunnelling login.microsoftonline.com:443 to this
   * server and refusing every other host; its URL.
   */
  async discoveryProxy(): Promise<string> {
    const target = Number(new URL(this.url).port);
    this.proxy = createHttpServer((_req, res) => res.writeHead(405).end());
    this.proxy.on("connect", (req, socket, head) => {
      if (req.url !== "login.microsoftonline.com:443") {
        socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
        return;
      }
      const upstream = connect(target, "127.0.0.1", () => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on("error", () => socket.destroy());
      socket.on("error", () => upstream.destroy());
    });
    await new Promise<void>((r) => this.proxy!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  /** Client credentials: a secret, or a federated JWT assertion. */
  private grant(body: Record<string, string>): [number, unknown] {
    if (body.grant_type !== "client_credentials") return [400, { error: "unsupported_grant_type", error_description: "AADSTS70003: unsupported grant type." }];
    if (body.client_id !== this.opts.clientId) return [400, { error: "unauthorized_client", error_description: `AADSTS700016: Application with identifier '${body.client_id}' was not found in the directory.` }];
    if (body.scope !== "https://cognitiveservices.azure.com/.default") return [400, { error: "invalid_scope", error_description: `AADSTS70011: The provided value for scope ${body.scope} is not valid.` }];
    if (body.client_secret !== undefined) {
      if (body.client_secret !== this.opts.clientSecret) return [401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 4" }];
      return [200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: this.opts.token }];
    }
    const federated = body.client_assertion_type === "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    if (!federated || body.client_assertion !== this.opts.federatedAssertion) {
      return [400, { error: "invalid_client", error_description: "AADSTS700213: No matching federated identity record found for presented assertion subject.\r\nTrace ID: 3" }];
    }
    return [200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: this.opts.token }];
  }
}

/**
 * A folder holding an `az` that prints an access token the way `az account get-access-token`
 * does; the token is read from `token.txt` beside it, so a test can change it.
 */
export function fakeAzureCli(token: string): { dir: string; setToken(t: string): void } {
  const dir = mkdtempSync(join(tmpdir(), "aitracks-fake-az-"));
  const setToken = (t: string) => writeFileSync(join(dir, "token.txt"), t);
  setToken(token);
  writeFileSync(
    join(dir, "az"),
    `#!/bin/sh\nprintf '{"accessToken":"%s","expiresOn":"2099-01-01 00:00:00.000000","expires_on":4070908800,"subscription":"00000000-0000-0000-0000-000000000000","tenant":"contoso","tokenType":"Bearer"}\\n' "$(cat "${dir}/token.txt")"\n`,
  );
  chmodSync(join(dir, "az"), 0o755);
  return { dir, setToken };
}

/**
 * Sign-in for a test file's in-process calls: only the fake Azure CLI's token (no environment
 * credentials, no workload identity), fetched fresh for each call.
 */
export function useAzureCliSignIn(token: string): { setToken(t: string): void } {
  const cli = fakeAzureCli(token);
  for (const k of ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_TOKEN_CREDENTIALS", "IDENTITY_ENDPOINT", "MSI_ENDPOINT"]) {
    delete process.env[k];
  }
  process.env.PATH = `${cli.dir}:${process.env.PATH ?? ""}`;
  return cli;
}
