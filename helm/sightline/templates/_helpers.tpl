{{- define "sightline.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sightline.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "sightline.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "sightline.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "sightline.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sightline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "sightline.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "sightline.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "sightline.fullname" .)) -}}
{{- end -}}

{{/* Environment variables that hold secrets: taken out of .Values.env into the Secret. */}}
{{- define "sightline.secretEnvNames" -}}
REDASH_DATABASE_URL SIGHTLINE_DATABASE_URL REDASH_REDIS_URL SIGHTLINE_REDIS_URL REDASH_SECRET_KEY SIGHTLINE_SECRET_KEY REDASH_COOKIE_SECRET SIGHTLINE_ADMIN_API_KEY SIGHTLINE_ADMIN_PASSWORD SIGHTLINE_MAIL_PASSWORD REDASH_MAIL_PASSWORD SIGHTLINE_PREVIOUS_SECRET_KEYS SIGHTLINE_OIDC_CLIENT_SECRET
{{- end -}}

{{/* Environment of every container: the ConfigMap, the secret references, then the role's own. */}}
{{- define "sightline.env" -}}
{{- $ctx := index . 0 -}}
{{- $role := index . 1 -}}
- name: SIGHTLINE_ROLE
  value: {{ $role | quote }}
- name: SIGHTLINE_DATABASE_URL
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: database-url}}
- name: SIGHTLINE_REDIS_URL
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: redis-url}}
- name: SIGHTLINE_SECRET_KEY
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: secret-key}}
- name: SIGHTLINE_PREVIOUS_SECRET_KEYS
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: previous-secret-keys, optional: true}}
- name: REDASH_COOKIE_SECRET
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: cookie-secret}}
- name: SIGHTLINE_ADMIN_API_KEY
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: admin-api-key, optional: true}}
{{- if hasKey $ctx.Values.env "SIGHTLINE_ADMIN_PASSWORD" }}
- name: SIGHTLINE_ADMIN_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: admin-password}}
{{- end }}
{{- if or (hasKey $ctx.Values.env "SIGHTLINE_MAIL_PASSWORD") (hasKey $ctx.Values.env "REDASH_MAIL_PASSWORD") }}
- name: SIGHTLINE_MAIL_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: mail-password}}
{{- end }}
{{- if hasKey $ctx.Values.env "SIGHTLINE_OIDC_CLIENT_SECRET" }}
- name: SIGHTLINE_OIDC_CLIENT_SECRET
  valueFrom: {secretKeyRef: {name: {{ include "sightline.secretName" $ctx }}, key: oidc-client-secret}}
{{- end }}
{{- if eq $role "worker" }}
- name: SIGHTLINE_WORKER_THREADS
  value: {{ $ctx.Values.worker.concurrency | quote }}
{{- end }}
- name: JAVA_TOOL_OPTIONS
  value: {{ $ctx.Values.javaOpts | quote }}
{{- end -}}

{{/* The pod template shared by the three roles: [context, role, values of the role] */}}
{{- define "sightline.podSpec" -}}
{{- $ctx := index . 0 -}}
{{- $role := index . 1 -}}
{{- $rv := index . 2 -}}
{{- with $ctx.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml $ctx.Values.podSecurityContext | nindent 2 }}
terminationGracePeriodSeconds: {{ ternary 40 30 (eq $role "worker") }}
containers:
  - name: {{ $role }}
    image: {{ include "sightline.image" $ctx | quote }}
    imagePullPolicy: {{ $ctx.Values.image.pullPolicy }}
    ports:
      - name: http
        containerPort: 5000
        protocol: TCP
    envFrom:
      - configMapRef:
          name: {{ include "sightline.fullname" $ctx }}
    env:
      {{- include "sightline.env" (list $ctx $role) | nindent 6 }}
    startupProbe:
      httpGet: {path: /actuator/health/liveness, port: http}
      {{- toYaml $ctx.Values.probes.startup | nindent 6 }}
    livenessProbe:
      httpGet: {path: /actuator/health/liveness, port: http}
      {{- toYaml $ctx.Values.probes.liveness | nindent 6 }}
    readinessProbe:
      httpGet: {path: /actuator/health/readiness, port: http}
      {{- toYaml $ctx.Values.probes.readiness | nindent 6 }}
    resources:
      {{- toYaml $rv.resources | nindent 6 }}
    securityContext:
      {{- toYaml $ctx.Values.securityContext | nindent 6 }}
    volumeMounts:
      - {name: data, mountPath: /data}
      - {name: tmp, mountPath: /tmp}
      {{- range $ctx.Values.dataSourceSecrets }}
      - {name: {{ printf "ds-%s" . | replace "." "-" | trunc 63 | trimSuffix "-" | quote }}, mountPath: {{ printf "/run/secrets/%s" . | quote }}, readOnly: true}
      {{- end }}
volumes:
  - name: data
    emptyDir: {sizeLimit: {{ $ctx.Values.scratch.sizeLimit }}}
  - name: tmp
    emptyDir: {sizeLimit: {{ $ctx.Values.scratch.sizeLimit }}}
  {{- range $ctx.Values.dataSourceSecrets }}
  - name: {{ printf "ds-%s" . | replace "." "-" | trunc 63 | trimSuffix "-" | quote }}
    secret: {secretName: {{ . | quote }}}
  {{- end }}
{{- with $rv.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $rv.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $rv.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
