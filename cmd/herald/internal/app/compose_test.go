package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
)

// TestComposeFileIsValid checks docker-compose.yml without a Docker engine:
// it parses, it has the full stack (Postgres, one API and two worker
// processes, collector, Jaeger, Prometheus, SMTP catcher), every service
// has an image or a build, dependencies and mounted files exist, and Herald
// is configured only with variables Herald reads.
func TestComposeFileIsValid(t *testing.T) {
	t.Parallel()
	const root = "../../../.."
	raw, err := os.ReadFile(filepath.Join(root, "docker-compose.yml"))
	require.NoError(t, err)
	var compose struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Build       any               `yaml:"build"`
			Environment map[string]string `yaml:"environment"`
			DependsOn   any               `yaml:"depends_on"`
			Volumes     []string          `yaml:"volumes"`
		} `yaml:"services"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &compose))
	for _, want := range []string{"postgres", "herald-api", "herald-worker-1", "herald-worker-2", "otel-collector", "jaeger", "prometheus", "mailpit"} {
		require.Contains(t, compose.Services, want)
	}
	require.Equal(t, "api", compose.Services["herald-api"].Environment["HERALD_ROLE"])
	require.Equal(t, "worker", compose.Services["herald-worker-1"].Environment["HERALD_ROLE"])
	require.Equal(t, "worker", compose.Services["herald-worker-2"].Environment["HERALD_ROLE"])

	known := map[string]bool{}
	for _, v := range app.Variables {
		known[v.Name] = true
	}
	for name, svc := range compose.Services {
		require.True(t, svc.Image != "" || svc.Build != nil, "service %s has neither image nor build", name)
		var deps []string
		switch d := svc.DependsOn.(type) {
		case []any:
			for _, v := range d {
				deps = append(deps, v.(string))
			}
		case map[string]any:
			for k := range d {
				deps = append(deps, k)
			}
		}
		for _, dep := range deps {
			require.Contains(t, compose.Services, dep, "service %s depends on a missing service", name)
		}
		for k := range svc.Environment {
			if strings.HasPrefix(k, "HERALD_") {
				require.True(t, known[k], "service %s sets %s, which Herald does not read", name, k)
			}
		}
		for _, v := range svc.Volumes {
			if src, _, ok := strings.Cut(v, ":"); ok && strings.HasPrefix(src, "./") {
				_, err := os.Stat(filepath.Join(root, src))
				require.NoError(t, err, "service %s mounts %s", name, src)
			}
		}
	}
}
