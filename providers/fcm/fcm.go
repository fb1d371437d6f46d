// Package fcm sends push notifications through Firebase Cloud Messaging's
// HTTP v1 API (POST /v1/projects/{project}/messages:send), authenticated
// with an OAuth2 access token obtained for a service account (the JWT
// bearer grant, RFC 7523), cached and refreshed before it expires.
//
// FCM has no idempotency key. Each message carries the delivery id in its
// data ("herald_delivery_id") so apps can drop a repeat, and as
// apns-collapse-id for iOS devices, which then show a repeat only once.
package fcm

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/jwt"

	"github.com/heraldhq/herald/providers"
)

// Defaults.
const (
	DefaultURL      = "https://fcm.googleapis.com"
	DefaultTokenURL = "https://oauth2.googleapis.com/token"
	// Scope is the OAuth2 scope that sends messages.
	Scope = "https://www.googleapis.com/auth/firebase.messaging"
	// DeliveryIDKey is the data key that carries the delivery id.
	DeliveryIDKey = "herald_delivery_id"
)

// ServiceAccount is the part of a Google service-account key file FCM
// needs.
type ServiceAccount struct {
	Type         string `json:"type"`
	ProjectID    string `json:"project_id"`
	PrivateKeyID string `json:"private_key_id"`
	PrivateKey   string `json:"private_key"`
	ClientEmail  string `json:"client_email"`
	TokenURI     string `json:"token_uri"`
}

// ParseServiceAccount parses a service-account key file. Errors never
// quote the key.
func ParseServiceAccount(data []byte) (*ServiceAccount, error) {
	var sa ServiceAccount
	if err := json.Unmarshal(data, &sa); err != nil {
		return nil, errors.New("fcm: credentials are not a service-account JSON key")
	}
	if sa.Type != "service_account" || sa.ClientEmail == "" || sa.PrivateKey == "" {
		return nil, errors.New("fcm: credentials need type service_account, client_email and private_key")
	}
	block, _ := pem.Decode([]byte(sa.PrivateKey))
	if block == nil {
		return nil, errors.New("fcm: private_key is not PEM")
	}
	if _, err := x509.ParsePKCS8PrivateKey(block.Bytes); err != nil {
		if _, err := x509.ParsePKCS1PrivateKey(block.Bytes); err != nil {
			return nil, errors.New("fcm: private_key is not an RSA key")
		}
	}
	return &sa, nil
}

// Options configure New. Account is required.
type Options struct {
	// Name is the provider's name in deliveries and metrics. Default "fcm".
	Name    string
	Account *ServiceAccount
	// ProjectID defaults to the account's project.
	ProjectID string
	// URL is the API base URL. Default DefaultURL.
	URL string
	// TokenURL is the OAuth2 token endpoint. Default: the account's
	// token_uri, else DefaultTokenURL.
	TokenURL string
	// HTTPClient (for both the API and the token endpoint) defaults to
	// providers.NewHTTPClient(nil).
	HTTPClient *http.Client
}

// Provider sends through FCM.
type Provider struct {
	name     string
	endpoint string
	client   *http.Client
	tokens   oauth2.TokenSource
	now      func() time.Time
}

// New returns an FCM provider.
func New(opts Options) (*Provider, error) {
	sa := opts.Account
	if sa == nil {
		return nil, errors.New("fcm: service account is required")
	}
	project := opts.ProjectID
	if project == "" {
		project = sa.ProjectID
	}
	if project == "" {
		return nil, errors.New("fcm: project id is required")
	}
	p := &Provider{name: opts.Name, client: opts.HTTPClient, now: time.Now}
	if p.name == "" {
		p.name = "fcm"
	}
	if p.client == nil {
		p.client = providers.NewHTTPClient(nil)
	}
	base := strings.TrimRight(opts.URL, "/")
	if base == "" {
		base = DefaultURL
	}
	p.endpoint = base + "/v1/projects/" + project + "/messages:send"
	tokenURL := opts.TokenURL
	if tokenURL == "" {
		tokenURL = sa.TokenURI
	}
	if tokenURL == "" {
		tokenURL = DefaultTokenURL
	}
	cfg := &jwt.Config{
		Email: sa.ClientEmail, PrivateKey: []byte(sa.PrivateKey), PrivateKeyID: sa.PrivateKeyID,
		Scopes: []string{Scope}, TokenURL: tokenURL,
	}
	// The token source outlives any one call; it fetches with our client
	// (bounded by its timeout) and reuses a token until shortly before it
	// expires.
	p.tokens = cfg.TokenSource(context.WithValue(context.Background(), oauth2.HTTPClient, p.client))
	return p, nil
}

// Name implements providers.Provider.
func (p *Provider) Name() string { return p.name }

// Platform implements providers.Platformed.
func (p *Provider) Platform() string { return "fcm" }

// Request is the messages:send body.
type Request struct {
	Message Message `json:"message"`
}

// Message is FCM's message resource (the part Herald uses).
type Message struct {
	Token        string            `json:"token"`
	Notification *Notification     `json:"notification,omitempty"`
	Data         map[string]string `json:"data,omitempty"`
	APNs         *APNsConfig       `json:"apns,omitempty"`
}

// Notification is the visible part of a message.
type Notification struct {
	Title string `json:"title,omitempty"`
	Body  string `json:"body,omitempty"`
}

// APNsConfig carries APNs headers for iOS devices.
type APNsConfig struct {
	Headers map[string]string `json:"headers,omitempty"`
}

// BuildRequest returns the JSON body that sends m.
func BuildRequest(m *providers.Message) ([]byte, error) {
	msg := Message{
		Token:        m.To,
		Notification: &Notification{Title: m.Title, Body: m.Body},
		Data:         map[string]string{DeliveryIDKey: m.DeliveryID},
		APNs:         &APNsConfig{Headers: map[string]string{"apns-collapse-id": m.DeliveryID}},
	}
	if m.Link != "" {
		msg.Data["link"] = m.Link
	}
	return json.Marshal(Request{Message: msg})
}

// Send implements providers.Provider.
func (p *Provider) Send(ctx context.Context, m *providers.Message) (*providers.Result, error) {
	token, err := p.tokens.Token()
	if err != nil {
		return nil, classifyTokenError(err)
	}
	body, err := BuildRequest(m)
	if err != nil {
		return nil, providers.Permanentf("fcm: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, providers.Permanentf("fcm: %v", err)
	}
	req.Header.Set("Authorization", "Bearer "+token.AccessToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, providers.ConnectionError(err, nil)
	}
	defer providers.Drain(resp.Body)
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 16<<10))
	if resp.StatusCode == http.StatusOK {
		var ok struct {
			Name string `json:"name"`
		}
		_ = json.Unmarshal(raw, &ok)
		return &providers.Result{StatusCode: resp.StatusCode, MessageID: ok.Name}, nil
	}
	return nil, classify(resp, raw, p.now())
}

// classifyTokenError classifies a failure to get an access token: the
// token endpoint refusing our key is the account's fault; anything else
// (5xx, network) is transient.
func classifyTokenError(err error) *providers.Error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.Response != nil {
		msg := fmt.Errorf("fcm: access token: HTTP %d %s", re.Response.StatusCode, re.ErrorCode)
		if re.Response.StatusCode >= 500 || re.Response.StatusCode == http.StatusTooManyRequests {
			return &providers.Error{Class: providers.Transient, StatusCode: re.Response.StatusCode, Err: msg}
		}
		return &providers.Error{Class: providers.Permanent, StatusCode: re.Response.StatusCode, Code: re.ErrorCode,
			ProviderFault: true, Err: msg}
	}
	return &providers.Error{Class: providers.Transient, Err: fmt.Errorf("fcm: access token: %w", err)}
}

// apiError is Google's error body.
type apiError struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
		Details []struct {
			Type            string `json:"@type"`
			ErrorCode       string `json:"errorCode"`
			FieldViolations []struct {
				Field string `json:"field"`
			} `json:"fieldViolations"`
		} `json:"details"`
	} `json:"error"`
}

func classify(resp *http.Response, raw []byte, now time.Time) *providers.Error {
	var ae apiError
	_ = json.Unmarshal(raw, &ae)
	code := ae.Error.Status
	tokenField := true // INVALID_ARGUMENT is about the token unless a field other than it is named
	for _, d := range ae.Error.Details {
		if strings.HasSuffix(d.Type, "google.firebase.fcm.v1.FcmError") && d.ErrorCode != "" {
			code = d.ErrorCode
		}
		for _, v := range d.FieldViolations {
			if v.Field != "message.token" {
				tokenField = false
			}
		}
	}
	msg := ae.Error.Message
	if msg == "" {
		msg = strings.TrimSpace(string(raw))
	}
	e := &providers.Error{Class: providers.Permanent, StatusCode: resp.StatusCode, Code: code,
		Err: fmt.Errorf("fcm: HTTP %d %s: %s", resp.StatusCode, code, msg)}
	switch {
	case code == "QUOTA_EXCEEDED" || resp.StatusCode == http.StatusTooManyRequests:
		e.Class, e.RetryAfter = providers.Throttled, providers.RetryAfter(resp.Header, now)
	case code == "UNAVAILABLE" || code == "INTERNAL" || resp.StatusCode >= 500:
		e.Class, e.RetryAfter = providers.Transient, providers.RetryAfter(resp.Header, now)
	case code == "UNREGISTERED":
		e.BadAddress = true
	case code == "INVALID_ARGUMENT" && tokenField:
		e.BadAddress = true
	case code == "THIRD_PARTY_AUTH_ERROR" || code == "SENDER_ID_MISMATCH" ||
		resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		e.ProviderFault = true
	}
	return e
}
