// Reads a JSON array of Kubernetes objects on stdin and validates each prometheus-operator
// resource with @kubernetes-models/prometheus-operator (JSON schemas generated from the
// operator's monitoring.coreos.com/v1 API types). Prints one JSON line per object; exits 1
// if any object is invalid or of an unsupported kind.
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { PodMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor";
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";

const MODELS = { ServiceMonitor, PodMonitor, PrometheusRule };

let input = "";
for await (const chunk of process.stdin) input += chunk;

let failed = false;
for (const obj of JSON.parse(input)) {
  const name = `${obj.kind}/${obj.metadata?.name}`;
  const Model = obj.apiVersion === "monitoring.coreos.com/v1" ? MODELS[obj.kind] : undefined;
  if (!Model) {
    console.log(JSON.stringify({ name, ok: false, error: `unsupported ${obj.apiVersion} ${obj.kind}` }));
    failed = true;
    continue;
  }
  try {
    new Model(obj).validate();
    console.log(JSON.stringify({ name, ok: true }));
  } catch (err) {
    console.log(JSON.stringify({ name, ok: false, error: err.message }));
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
