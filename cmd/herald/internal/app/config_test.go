package app_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
)

func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	cfg, err := app.ConfigFromEnv(func(string) string { return "" })
	require.NoError(t, err)
	require.Equal(t, app.DefaultDatabaseURL, cfg.DatabaseURL)
	require.Equal(t, ":8080", cfg.Addr)
	require.Equal(t, app.RoleAll, cfg.Role)
	require.False(t, cfg.WebhookAllowPrivate)
	require.True(t, cfg.AutoMigrate)
	require.Equal(t, 30*time.Second, cfg.ProviderTimeout)
}

func TestConfigNamesEveryBadVariable(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		"HERALD_ADDR":                  "8080",
		"HERALD_ROLE":                  "boss",
		"HERALD_WEBHOOK_ALLOW_PRIVATE": "yes please",
		"HERALD_DB_MAX_CONNS":          "0",
		"HERALD_RETRY_BASE_DELAY":      "soon",
		"HERALD_BOOTSTRAP_API_KEY":     "short",
		"HERALD_PUBLIC_URL":            "herald.example.com",
	}
	_, err := app.ConfigFromEnv(func(k string) string { return env[k] })
	require.Error(t, err)
	for k := range env {
		require.Contains(t, err.Error(), k)
	}
}

// TestREADMEDocumentsEveryVariable keeps the configuration table honest.
func TestREADMEDocumentsEveryVariable(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../../../README.md")
	require.NoError(t, err)
	for _, v := range app.Variables {
		require.True(t, strings.Contains(string(readme), "| `"+v.Name+"` |"), "README's configuration table lacks %s", v.Name)
	}
}
