# kubectl explain --recursive (every field, indented by depth, cycles cut) and explain's errors:
# missing or extra arguments, unknown types, unknown fields, bad paths, versions and formats.
kubectl explain deploy.spec.strategy --recursive
kubectl explain pod.spec.containers.livenessProbe --recursive
kubectl explain svc --recursive
kubectl explain configmaps --recursive
kubectl explain crd.spec.versions.schema.openAPIV3Schema --recursive
kubectl explain rolebinding --recursive=true
kubectl explain
kubectl explain pods services
kubectl explain foo
kubectl explain pods.foo
kubectl explain deploy.spec.foo.bar
kubectl explain pods.spec.containers[0]
kubectl explain pods..spec
kubectl explain pods --api-version=apps/v1
kubectl explain pods --api-version=v2
kubectl explain deploy --api-version=a/b/c
kubectl explain deploy --output=yaml
kubectl explain deploy -o yaml
kubectl explain pods.spec.containers.name
kubectl explain pods.metadata.labels.foo
