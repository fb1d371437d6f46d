// Package apns sends push notifications through Apple's Push Notification
// service over HTTP/2 (POST /3/device/{token}), authenticated with a
// provider token: an ES256 JWT signed with the team's .p8 key, reused for
// 50 minutes (Apple refuses tokens older than an hour and refreshes more
// often than every 20 minutes).
//
// The delivery id is the notification's apns-id and apns-collapse-id, so a
// repeat after a lost response is shown once.
package apns

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/heraldhq/herald/providers"
)

// Endpoints.
const (
	ProductionURL = "https://api.push.apple.com"
	SandboxURL    = "https://api.sandbox.push.apple.com"
)

// tokenLifetime is how long a provider token is reused.
const tokenLifetime = 50 * time.Minute

// DeliveryIDKey is the payload key that carries the delivery id.
const DeliveryIDKey = "herald_delivery_id"

// ParseKey parses an APNs auth key (.p8, PKCS#8 P-256). Errors never quote
// the key.
func ParseKey(pemData []byte) (*ecdsa.PrivateKey, error) {
	block, _ := pem.Decode(pemData)
	if block == nil {
		return nil, errors.New("apns: key is not PEM")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("apns: key is not a PKCS#8 private key")
	}
	ec, ok := k.(*ecdsa.PrivateKey)
	if !ok {
		return nil, errors.New("apns: key is not an ECDSA (P-256) key")
	}
	return ec, nil
}

// Options configure New. Key, KeyID, TeamID and Topic are required.
type Options struct {
	// Name is the provider's name in deliveries and metrics. Default "apns".
	Name   string
	Key    *ecdsa.PrivateKey
	KeyID  string
	TeamID string
	// Topic is the app's bundle id.
	Topic string
	// URL is the API base URL. Default ProductionURL.
	URL string
	// HTTPClient defaults to providers.NewHTTPClient(nil), which speaks
	// HTTP/2 over TLS and keeps the connection open between calls.
	HTTPClient *http.Client
}

// Provider sends through APNs.
type Provider struct {
	opts   Options
	base   string
	client *http.Client
	now    func() time.Time

	mu       sync.Mutex
	token    string
	issuedAt time.Time
}

// New returns an APNs provider.
func New(opts Options) (*Provider, error) {
	if opts.Key == nil || opts.KeyID == "" || opts.TeamID == "" || opts.Topic == "" {
		return nil, errors.New("apns: key, key id, team id and topic are required")
	}
	if opts.Name == "" {
		opts.Name = "apns"
	}
	p := &Provider{opts: opts, base: strings.TrimRight(opts.URL, "/"), client: opts.HTTPClient, now: time.Now}
	if p.base == "" {
		p.base = ProductionURL
	}
	if p.client == nil {
		p.client = providers.NewHTTPClient(nil)
	}
	return p, nil
}

// Name implements providers.Provider.
func (p *Provider) Name() string { return p.opts.Name }

// Platform implements providers.Platformed.
func (p *Provider) Platform() string { return "apns" }

// providerToken returns the current provider token, signing a new one when
// it is older than tokenLifetime or when the last one was refused as
// expired.
func (p *Provider) providerToken(renew bool) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if p.token != "" && !renew && now.Sub(p.issuedAt) < tokenLifetime {
		return p.token, nil
	}
	t := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"iss": p.opts.TeamID, "iat": now.Unix()})
	t.Header["kid"] = p.opts.KeyID
	signed, err := t.SignedString(p.opts.Key)
	if err != nil {
		return "", fmt.Errorf("apns: sign provider token: %w", err)
	}
	p.token, p.issuedAt = signed, now
	return signed, nil
}

// Payload is the notification body Herald sends.
type Payload struct {
	APS        APS    `json:"aps"`
	DeliveryID string `json:"herald_delivery_id"`
	Link       string `json:"link,omitempty"`
}

// APS is the aps dictionary.
type APS struct {
	Alert Alert  `json:"alert"`
	Sound string `json:"sound,omitempty"`
}

// Alert is the visible part of a notification.
type Alert struct {
	Title string `json:"title,omitempty"`
	Body  string `json:"body,omitempty"`
}

// BuildRequest returns the request that sends m, without its authorization.
func (p *Provider) BuildRequest(ctx context.Context, m *providers.Message) (*http.Request, error) {
	body, err := json.Marshal(Payload{
		APS: APS{Alert: Alert{Title: m.Title, Body: m.Body}, Sound: "default"}, DeliveryID: m.DeliveryID, Link: m.Link,
	})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.base+"/3/device/"+url.PathEscape(m.To), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("apns-topic", p.opts.Topic)
	req.Header.Set("apns-push-type", "alert")
	req.Header.Set("apns-priority", "10")
	req.Header.Set("apns-id", m.DeliveryID)
	req.Header.Set("apns-collapse-id", m.DeliveryID)
	return req, nil
}

// Send implements providers.Provider.
func (p *Provider) Send(ctx context.Context, m *providers.Message) (*providers.Result, error) {
	if m.To == "" {
		return nil, &providers.Error{Class: providers.Permanent, BadAddress: true, Err: errors.New("apns: empty device token")}
	}
	req, err := p.BuildRequest(ctx, m)
	if err != nil {
		return nil, providers.Permanentf("apns: %v", err)
	}
	token, err := p.providerToken(false)
	if err != nil {
		return nil, &providers.Error{Class: providers.Permanent, ProviderFault: true, Err: err}
	}
	req.Header.Set("Authorization", "bearer "+token)
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, providers.ConnectionError(err, nil)
	}
	defer providers.Drain(resp.Body)
	if resp.StatusCode == http.StatusOK {
		return &providers.Result{StatusCode: resp.StatusCode, MessageID: resp.Header.Get("apns-id")}, nil
	}
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	e := classify(resp, raw, p.now())
	if e.Code == "ExpiredProviderToken" {
		_, _ = p.providerToken(true) // the next attempt signs afresh
	}
	return nil, e
}

// Reasons that mean the device token is no good.
var badToken = map[string]bool{
	"Unregistered":           true, // 410: the app was removed or notifications turned off
	"BadDeviceToken":         true,
	"DeviceTokenNotForTopic": true,
	"MissingDeviceToken":     true,
}

func classify(resp *http.Response, raw []byte, now time.Time) *providers.Error {
	var body struct {
		Reason string `json:"reason"`
	}
	_ = json.Unmarshal(raw, &body)
	e := &providers.Error{Class: providers.Permanent, StatusCode: resp.StatusCode, Code: body.Reason,
		Err: fmt.Errorf("apns: HTTP %d %s", resp.StatusCode, body.Reason)}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		e.Class, e.RetryAfter = providers.Throttled, providers.RetryAfter(resp.Header, now)
	case resp.StatusCode >= 500 || body.Reason == "ExpiredProviderToken" || body.Reason == "IdleTimeout":
		e.Class = providers.Transient
	case badToken[body.Reason] || resp.StatusCode == http.StatusGone:
		e.BadAddress = true
	case resp.StatusCode == http.StatusForbidden || body.Reason == "BadTopic" || body.Reason == "TopicDisallowed":
		e.ProviderFault = true
	}
	return e
}
