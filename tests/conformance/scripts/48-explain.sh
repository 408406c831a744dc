# kubectl explain: resources and fields as the plaintext template prints them, read from the
# server's OpenAPI v3 documents (descriptions, types, -required-, enums, nested and mapped types).
kubectl explain pods
kubectl explain pod.spec
kubectl explain pods.spec.containers
kubectl explain po.spec.containers.resources.limits
kubectl explain deploy
kubectl explain deployments.apps.spec.strategy
kubectl explain deployment.spec.strategy.rollingUpdate.maxSurge
kubectl explain deploy.metadata.creationTimestamp
kubectl explain deploy.metadata.labels
kubectl explain svc.spec.ports
kubectl explain service.spec.ports.targetPort
kubectl explain configmap.data
kubectl explain secret.data
kubectl explain Job.spec.template.spec.restartPolicy
kubectl explain pod.spec.volumes.hostPath.type
kubectl explain svc.spec.ipFamilies
kubectl explain cronjobs.spec
kubectl explain hpa
kubectl explain hpa --api-version=autoscaling/v1
kubectl explain ingress.spec.rules.http.paths.backend
kubectl explain networkpolicy.spec.ingress
kubectl explain clusterrole.rules
kubectl explain node.status.conditions
kubectl explain pv.spec.capacity
kubectl explain sc
kubectl explain pdb.spec
kubectl explain lease.spec.renewTime
kubectl explain crd.spec.versions.schema
kubectl explain ns
kubectl explain events
kubectl explain ev.involvedObject
kubectl explain events.events.k8s.io
kubectl explain endpointslices.addresses
kubectl explain rs.status
kubectl explain deploy.spec.template.spec.containers.
