# kubectl patch: strategic, merge and JSON patches, YAML patches, files, subresources, dry runs, errors.
kubectl create deployment web --image=nginx --replicas=2
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web --type=merge -p '{"metadata":{"labels":{"tier":"front"}}}'
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'
kubectl patch deployment web -p 'spec: {minReadySeconds: 5}'
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'
kubectl patch deployment web --patch-file=templates/patch.json
kubectl patch deployment/web --type merge --patch-file templates/patch.yaml
kubectl patch deployment web -p '{"spec":{"replicas":"x"}}'
kubectl patch deployment web -p '{"spec":'
kubectl patch deployment web -p 'spec: [a'
kubectl patch deployment web --type=json -p '{"op":"x"}'
kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/spec/nothing"}]'
kubectl patch deployment web --type=bogus -p '{}'
kubectl patch deployment web
kubectl patch deployment web -p '{}' --patch-file=x.json
kubectl patch deployment web --patch-file=templates/missing.json
kubectl patch deployment nope -p '{}'
kubectl patch deployment web nope -p '{"spec":{"replicas":2}}'
kubectl patch deployment web --subresource=scale -p '{"spec":{"replicas":4}}'
kubectl patch deployment web --subresource=scale -p '{"spec":{"replicas":4}}'
kubectl patch deployment web --subresource=status --type=merge -p '{"status":{"replicas":9}}'
kubectl patch deployment web --subresource=bogus -p '{}'
kubectl patch deployment web -p '{"spec":{"replicas":5}}' --dry-run=client
kubectl patch deployment web -p '{"spec":{"replicas":4}}' --dry-run=client
kubectl patch deployment web -p '{"spec":{"replicas":5}}' --dry-run=server
kubectl patch deployment web -p '{"spec":{"replicas":5}}' --dry-run=bogus
kubectl patch deployment web -p '{"spec":{"replicas":5}}' -o name
kubectl patch deployment web -p '{"spec":{"replicas":5}}' -o jsonpath='{.spec.replicas}{"\n"}'
kubectl patch deployment web -p '{"spec":{"replicas":-1}}'
kubectl patch deployment web --type=merge -p '{"spec":{"selector":{"matchLabels":{"app":"x"}}}}'
kubectl patch pod nope -p '{}'
kubectl patch deployment -p '{}'
kubectl patch -p '{}'
kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.minReadySeconds} {.metadata.labels} {.spec.template.spec.containers[0].image} {.spec.template.metadata.annotations}{"\n"}'
