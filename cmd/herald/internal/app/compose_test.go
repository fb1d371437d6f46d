package app_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
)

// TestComposeFileIsValid checks docker-compose.yml without a Docker engine:
// it parses, every service has an image or a build, dependencies exist, and
// Herald is configured only with variables Herald reads.
func TestComposeFileIsValid(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../../../docker-compose.yml")
	require.NoError(t, err)
	var compose struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Build       any               `yaml:"build"`
			Environment map[string]string `yaml:"environment"`
			DependsOn   map[string]any    `yaml:"depends_on"`
		} `yaml:"services"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &compose))
	require.Contains(t, compose.Services, "postgres")
	require.Contains(t, compose.Services, "herald")

	known := map[string]bool{}
	for _, v := range app.Variables {
		known[v.Name] = true
	}
	for name, svc := range compose.Services {
		require.True(t, svc.Image != "" || svc.Build != nil, "service %s has neither image nor build", name)
		for dep := range svc.DependsOn {
			require.Contains(t, compose.Services, dep, "service %s depends on a missing service", name)
		}
		for k := range svc.Environment {
			if strings.HasPrefix(k, "HERALD_") {
				require.True(t, known[k], "service %s sets %s, which Herald does not read", name, k)
			}
		}
	}
}
