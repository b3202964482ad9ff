/**
 * The component provider's entry (PulumiPlugin.yaml `main`): the Pulumi engine starts it with its
 * address as the argument; it prints the port it serves on.
 */
import { main } from "@pulumi/pulumi/provider";
import { AitracksProvider } from "./provider";

void main(new AitracksProvider(), process.argv.slice(2));
