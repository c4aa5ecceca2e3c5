module github.com/cosgo/errcatalog/bench

go 1.26.0

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/smithy-go v1.28.9
	github.com/cosgo/errcatalog v0.0.0
	github.com/stretchr/testify v1.12.1
	github.com/tencentyun/cos-go-sdk-v5 v0.7.70
)

require (
	github.com/clbanning/mxj v1.8.4 // indirect
	github.com/google/go-querystring v1.0.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/mitchellh/mapstructure v1.5.0 // indirect
	github.com/mozillazg/go-httpheader v0.2.1 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
)

replace github.com/cosgo/errcatalog => ../
