// Package sendgrid sends email through SendGrid's v3 Mail Send API
// (POST /v3/mail/send).
//
// SendGrid has no idempotency key for Mail Send. Each message carries the
// delivery id as the custom argument "herald_delivery_id" (echoed in
// SendGrid's event webhooks) and as the header "X-Herald-Delivery-Id", so
// a repeat after a lost response can be recognised downstream.
package sendgrid

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/heraldhq/herald/providers"
)

// DefaultURL is SendGrid's API base URL.
const DefaultURL = "https://api.sendgrid.com"

// DeliveryIDArg is the custom argument and DeliveryIDHeader the header that
// carry the delivery id.
const (
	DeliveryIDArg    = "herald_delivery_id"
	DeliveryIDHeader = "X-Herald-Delivery-Id"
)

// Options configure New. APIKey and From are required.
type Options struct {
	// Name is the provider's name in deliveries and metrics. Default
	// "sendgrid".
	Name   string
	APIKey string
	// From is the sender, "Name <address>" or a bare address.
	From string
	// URL is the API base URL. Default DefaultURL.
	URL string
	// WebhookPublicKey is the verification key of the account's signed
	// Event Webhook (base64 DER, as SendGrid shows it, or PEM). Without it
	// every event post is refused.
	WebhookPublicKey string
	// HTTPClient defaults to providers.NewHTTPClient(nil).
	HTTPClient *http.Client
}

// Provider sends through SendGrid.
type Provider struct {
	webhookKey *ecdsa.PublicKey
	name       string
	apiKey     string
	from       address
	url        string
	client     *http.Client
	secrets    providers.Secrets
	now        func() time.Time
}

// New returns a SendGrid provider.
func New(opts Options) (*Provider, error) {
	if opts.APIKey == "" {
		return nil, fmt.Errorf("sendgrid: API key is required")
	}
	from, err := mail.ParseAddress(opts.From)
	if err != nil {
		return nil, fmt.Errorf("sendgrid: from %q: %w", opts.From, err)
	}
	p := &Provider{
		name: opts.Name, apiKey: opts.APIKey, from: address{Email: from.Address, Name: from.Name},
		url: strings.TrimRight(opts.URL, "/"), client: opts.HTTPClient,
		secrets: providers.Secrets{opts.APIKey}, now: time.Now,
	}
	if opts.WebhookPublicKey != "" {
		if p.webhookKey, err = ParsePublicKey(opts.WebhookPublicKey); err != nil {
			return nil, fmt.Errorf("sendgrid: webhook public key: %w", err)
		}
	}
	if p.name == "" {
		p.name = "sendgrid"
	}
	if p.url == "" {
		p.url = DefaultURL
	}
	if p.client == nil {
		p.client = providers.NewHTTPClient(nil)
	}
	return p, nil
}

// Name implements providers.Provider.
func (p *Provider) Name() string { return p.name }

// Request is the Mail Send request body (the part Herald uses).
type Request struct {
	Personalizations []Personalization `json:"personalizations"`
	From             address           `json:"from"`
	Subject          string            `json:"subject"`
	Content          []Content         `json:"content"`
	Headers          map[string]string `json:"headers,omitempty"`
	CustomArgs       map[string]string `json:"custom_args,omitempty"`
}

// Personalization is one envelope of a Mail Send request.
type Personalization struct {
	To []address `json:"to"`
}

type address struct {
	Email string `json:"email"`
	Name  string `json:"name,omitempty"`
}

// Content is one MIME part; text/plain must come before text/html.
type Content struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// BuildRequest returns the JSON body that sends m.
func (p *Provider) BuildRequest(m *providers.Message) ([]byte, error) {
	req := Request{
		Personalizations: []Personalization{{To: []address{{Email: m.To}}}},
		From:             p.from,
		Subject:          m.Subject,
		Headers:          map[string]string{DeliveryIDHeader: m.DeliveryID},
		CustomArgs:       map[string]string{DeliveryIDArg: m.DeliveryID},
	}
	if m.Body != "" {
		req.Content = append(req.Content, Content{Type: "text/plain", Value: m.Body})
	}
	if m.HTML != "" {
		req.Content = append(req.Content, Content{Type: "text/html", Value: m.HTML})
	}
	if len(req.Content) == 0 {
		return nil, providers.Permanentf("sendgrid: the email has no body")
	}
	return json.Marshal(req)
}

// Send implements providers.Provider.
func (p *Provider) Send(ctx context.Context, m *providers.Message) (*providers.Result, error) {
	body, err := p.BuildRequest(m)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url+"/v3/mail/send", bytes.NewReader(body))
	if err != nil {
		return nil, providers.Permanentf("sendgrid: %v", err)
	}
	req.Header.Set("Authorization", "Bearer "+p.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, providers.ConnectionError(err, nil)
	}
	defer providers.Drain(resp.Body)
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return &providers.Result{StatusCode: resp.StatusCode, MessageID: resp.Header.Get("X-Message-Id")}, nil
	}
	return nil, p.secrets.RedactError(p.classify(resp))
}

// errorBody is SendGrid's error response.
type errorBody struct {
	Errors []struct {
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"errors"`
}

func (p *Provider) classify(resp *http.Response) *providers.Error {
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	var eb errorBody
	msg := strings.TrimSpace(string(raw))
	if json.Unmarshal(raw, &eb) == nil && len(eb.Errors) > 0 {
		parts := make([]string, 0, len(eb.Errors))
		for _, e := range eb.Errors {
			if e.Field != "" {
				parts = append(parts, e.Field+": "+e.Message)
			} else {
				parts = append(parts, e.Message)
			}
		}
		msg = strings.Join(parts, "; ")
	}
	e := &providers.Error{Class: providers.Permanent, StatusCode: resp.StatusCode,
		Err: fmt.Errorf("sendgrid: HTTP %d: %s", resp.StatusCode, msg)}
	switch code := resp.StatusCode; {
	case code == http.StatusTooManyRequests:
		e.Class, e.RetryAfter = providers.Throttled, retryAfter(resp.Header, p.now())
	case code == http.StatusRequestTimeout || code >= 500:
		e.Class = providers.Transient
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		e.ProviderFault = true // the API key was refused or lacks mail.send
	}
	return e
}

// retryAfter honours Retry-After, then SendGrid's X-RateLimit-Reset (the
// Unix time the limit resets).
func retryAfter(h http.Header, now time.Time) time.Duration {
	if d := providers.RetryAfter(h, now); d > 0 {
		return d
	}
	if s, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil {
		if d := time.Unix(s, 0).Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
