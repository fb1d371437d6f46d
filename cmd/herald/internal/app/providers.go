package app

import (
	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/webhook"
	"github.com/heraldhq/herald/store"
)

// newProviders builds the provider registry from the configuration: each
// channel's providers, primary first.
func newProviders(cfg Config) (*providers.Registry, error) {
	registry := providers.NewRegistry()
	registry.Add(string(store.ChannelWebhook), webhook.New(&webhook.Options{
		AllowPrivate: cfg.WebhookAllowPrivate, Timeout: cfg.ProviderTimeout,
	}))
	return registry, nil
}
