import { yamlFile } from '../lang/yaml';
import { assertDnsName } from '../validation';
import { CodeRepoSpec, FileMap, chartDir, imageName } from './types';

/** The chart's values, nested under the chart name like Xposer's (`xposer: {...}`). */
export function chartValues(spec: CodeRepoSpec) {
  return {
    [spec.name]: {
      labels: {
        provider: spec.owner.toLowerCase(),
        group: spec.owner.toLowerCase(),
      },
      replicas: 1,
      image: {
        name: `${spec.dockerRegistry}/${imageName(spec)}`,
        tag: '',
        pullPolicy: 'IfNotPresent',
      },
      service: { port: 80, targetPort: spec.port },
      config: {},
      resources: {},
      tolerations: [],
    },
  };
}

function chartYaml(spec: CodeRepoSpec): string {
  return yamlFile(
    {
      apiVersion: 'v1',
      name: spec.name,
      description:
        spec.description || `${spec.name} chart that runs on kubernetes`,
      version: spec.initialVersion,
      appVersion: spec.initialVersion,
      keywords: [spec.name, 'kubernetes'],
      home: spec.repoHtmlUrl,
      sources: [spec.repoHtmlUrl],
    },
    ' The pipeline packages this chart with --version/--app-version from .version',
  );
}

function valuesYaml(spec: CodeRepoSpec): string {
  return yamlFile(
    chartValues(spec),
    [
      ` Default values of the ${spec.name} chart.`,
      ' In an environment config repo they are nested under the release alias:',
      `   ${spec.name}:`,
      `     ${spec.name}:`,
      '       image: { tag: v0.0.1 }',
      ' image.tag defaults to the chart appVersion (= the released version).',
    ].join('\n'),
  );
}

function helpers(name: string): string {
  return `{{/* Name of every object of the ${name} chart. */}}
{{- define "${name}.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels selecting the pods. */}}
{{- define "${name}.labels.selector" -}}
app: {{ template "${name}.name" . }}
{{- end -}}

{{/* Release labels: chart is <name>-<version>, version is the chart version (= image tag). */}}
{{- define "${name}.labels.chart" -}}
chart: "{{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}"
version: {{ .Chart.Version | quote }}
release: {{ .Release.Name | quote }}
heritage: {{ .Release.Service | quote }}
{{- end -}}

{{/* Owner labels from values. */}}
{{- define "${name}.labels.stakater" -}}
{{- $values := index .Values "${name}" -}}
provider: {{ $values.labels.provider | quote }}
group: {{ $values.labels.group | quote }}
{{- end -}}
`;
}

function deploymentTemplate(name: string): string {
  return `{{- $values := index .Values "${name}" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ template "${name}.name" . }}
  annotations:
    configmap.reloader.stakater.com/reload: {{ template "${name}.name" . }}
  labels:
{{ include "${name}.labels.selector" . | indent 4 }}
{{ include "${name}.labels.stakater" . | indent 4 }}
{{ include "${name}.labels.chart" . | indent 4 }}
spec:
  replicas: {{ $values.replicas }}
  revisionHistoryLimit: 2
  selector:
    matchLabels:
{{ include "${name}.labels.selector" . | indent 6 }}
  template:
    metadata:
      labels:
{{ include "${name}.labels.selector" . | indent 8 }}
{{ include "${name}.labels.chart" . | indent 8 }}
    spec:
      {{- with $values.tolerations }}
      tolerations:
{{ toYaml . | indent 8 }}
      {{- end }}
      containers:
        - name: {{ template "${name}.name" . }}
          image: "{{ $values.image.name }}:{{ $values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ $values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $values.service.targetPort }}
          env:
            - name: CONFIG_FILE_PATH
              value: /configs/config.yaml
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          resources:
{{ toYaml $values.resources | indent 12 }}
          volumeMounts:
            - name: config-volume
              mountPath: /configs
      volumes:
        - name: config-volume
          configMap:
            name: {{ template "${name}.name" . }}
`;
}

function serviceTemplate(name: string): string {
  return `{{- $values := index .Values "${name}" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ template "${name}.name" . }}
  labels:
{{ include "${name}.labels.selector" . | indent 4 }}
{{ include "${name}.labels.chart" . | indent 4 }}
spec:
  selector:
{{ include "${name}.labels.selector" . | indent 4 }}
  ports:
    - name: http
      port: {{ $values.service.port }}
      targetPort: http
`;
}

function configMapTemplate(name: string): string {
  return `{{- $values := index .Values "${name}" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ template "${name}.name" . }}
  labels:
{{ include "${name}.labels.selector" . | indent 4 }}
{{ include "${name}.labels.chart" . | indent 4 }}
data:
  config.yaml: |
{{ toYaml $values.config | indent 4 }}
`;
}

/** `templates/deployment.yaml` rendered for the initial version (what `make manifests` writes). */
function renderedDeployment(spec: CodeRepoSpec): string {
  const values = chartValues(spec)[spec.name];
  const selector = { app: spec.name };
  const chartLabels = {
    chart: `${spec.name}-${spec.initialVersion}`,
    version: spec.initialVersion,
    release: spec.name,
    heritage: 'Helm',
  };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: spec.name,
      annotations: { 'configmap.reloader.stakater.com/reload': spec.name },
      labels: { ...selector, ...values.labels, ...chartLabels },
    },
    spec: {
      replicas: values.replicas,
      revisionHistoryLimit: 2,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: { ...selector, ...chartLabels } },
        spec: {
          containers: [
            {
              name: spec.name,
              image: `${values.image.name}:${spec.initialVersion}`,
              imagePullPolicy: values.image.pullPolicy,
              ports: [{ name: 'http', containerPort: spec.port }],
              env: [
                { name: 'CONFIG_FILE_PATH', value: '/configs/config.yaml' },
              ],
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
              resources: {},
              volumeMounts: [{ name: 'config-volume', mountPath: '/configs' }],
            },
          ],
          volumes: [{ name: 'config-volume', configMap: { name: spec.name } }],
        },
      },
    },
  };
  return `---\n${yamlFile(
    deployment,
    ` Source: ${spec.name}/templates/deployment.yaml`,
  )}`;
}

/** The Helm chart under `deployments/kubernetes/chart/<name>/` and the rendered manifests. */
export function chartFiles(spec: CodeRepoSpec): FileMap {
  // the name is written into Go templates (`define "<name>.name"`): DNS labels only
  assertDnsName('chart name', spec.name);
  const dir = chartDir(spec.name);
  return {
    [`${dir}/Chart.yaml`]: chartYaml(spec),
    [`${dir}/values.yaml`]: valuesYaml(spec),
    [`${dir}/templates/_helpers.tpl`]: helpers(spec.name),
    [`${dir}/templates/deployment.yaml`]: deploymentTemplate(spec.name),
    [`${dir}/templates/service.yaml`]: serviceTemplate(spec.name),
    [`${dir}/templates/configmap.yaml`]: configMapTemplate(spec.name),
    'deployments/kubernetes/manifests/deployment.yaml':
      renderedDeployment(spec),
  };
}
