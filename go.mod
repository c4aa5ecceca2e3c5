module github.com/cosgo/errcatalog

go 1.25.0

require (
	github.com/stretchr/testify v1.7.0
	go.yaml.in/yaml/v3 v3.0.2
	golang.org/x/tools v0.1.0
)

require (
	github.com/davecgh/go-spew v1.1.0 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.0-20200313102051-9f266ea9e77c // indirect
)
