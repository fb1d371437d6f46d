// Package slack posts messages to Slack incoming webhooks, the URL each
// recipient registered.
//
// Incoming webhooks take no idempotency key, so a retry after a lost
// response can post twice; Herald retries only on failures. Slack answers "ok" with 200, a plain-text error code with
// 4xx (invalid_payload, no_service, channel_not_found, channel_is_archived,
// action_prohibited) and 429 with Retry-After when a webhook posts faster
// than about one message per second.
package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/safehttp"
)

// Options configure New. The zero value refuses private addresses.
type Options struct {
	// Name is the provider's name in deliveries and metrics. Default
	// "slack".
	Name string
	// AllowPrivate lets webhook URLs reach loopback and private addresses.
	AllowPrivate bool
	// Timeout bounds one call. Default 10s.
	Timeout time.Duration
}

// Provider posts to Slack incoming webhooks.
type Provider struct {
	name   string
	client *http.Client
	now    func() time.Time
}

// New returns a Slack provider. Webhook URLs are the recipients' own, so
// they go through the SSRF-safe client.
func New(opts *Options) *Provider {
	if opts == nil {
		opts = &Options{}
	}
	name := opts.Name
	if name == "" {
		name = "slack"
	}
	return &Provider{
		name:   name,
		client: safehttp.NewClient(&safehttp.Options{AllowPrivate: opts.AllowPrivate, Timeout: opts.Timeout}),
		now:    time.Now,
	}
}

// Name implements providers.Provider.
func (p *Provider) Name() string { return p.name }

// Payload is the incoming-webhook message Herald posts.
type Payload struct {
	Text string `json:"text"`
}

// Send implements providers.Provider.
func (p *Provider) Send(ctx context.Context, m *providers.Message) (*providers.Result, error) {
	if m.Body == "" {
		return nil, providers.Permanentf("slack: the message is empty")
	}
	body, err := json.Marshal(Payload{Text: m.Body})
	if err != nil {
		return nil, providers.Permanentf("slack: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.To, bytes.NewReader(body))
	if err != nil {
		return nil, providers.Permanentf("slack: webhook url: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, providers.ConnectionError(err, safehttp.ErrForbiddenAddress)
	}
	defer providers.Drain(resp.Body)
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode == http.StatusOK {
		return &providers.Result{StatusCode: resp.StatusCode}, nil
	}
	code := strings.TrimSpace(string(raw))
	e := &providers.Error{Class: providers.Permanent, StatusCode: resp.StatusCode, Code: code,
		Err: fmt.Errorf("slack: HTTP %d: %s", resp.StatusCode, code)}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		e.Class, e.RetryAfter = providers.Throttled, providers.RetryAfter(resp.Header, p.now())
	case resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500:
		e.Class = providers.Transient
	case code == "no_service" || code == "channel_not_found" || code == "channel_is_archived" || code == "no_team":
		e.BadAddress = true // the webhook is gone; retrying cannot help
	}
	return nil, e
}
