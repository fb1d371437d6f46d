// Package twilio sends SMS through Twilio's Programmable Messaging API
// (POST /2010-04-01/Accounts/{AccountSid}/Messages.json).
//
// Twilio documents no idempotency key for creating a message. Herald sends
// the delivery id in the I-Twilio-Idempotency-Token header (the header
// Twilio itself uses to mark its retried requests) so that a proxy or a
// Twilio-compatible gateway can drop repeats; against Twilio proper, a
// retry after a lost response may send the text twice.
package twilio

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/heraldhq/herald/providers"
)

// DefaultURL is Twilio's API base URL.
const DefaultURL = "https://api.twilio.com"

// IdempotencyHeader carries the delivery id.
const IdempotencyHeader = "I-Twilio-Idempotency-Token"

// Options configure New. AccountSID, AuthToken and one of From or
// MessagingServiceSID are required.
type Options struct {
	// Name is the provider's name in deliveries and metrics. Default
	// "twilio".
	Name       string
	AccountSID string
	AuthToken  string
	// From is the sending number (E.164) or alphanumeric sender id.
	From string
	// MessagingServiceSID sends through a Messaging Service instead of From.
	MessagingServiceSID string
	// URL is the API base URL. Default DefaultURL.
	URL string
	// StatusCallbackURL, if set, is where Twilio posts the message's status
	// changes: each message asks for StatusCallbackURL + "/" + its
	// delivery id, so that the callback names its delivery.
	StatusCallbackURL string
	// HTTPClient defaults to providers.NewHTTPClient(nil).
	HTTPClient *http.Client
}

// Provider sends through Twilio.
type Provider struct {
	opts     Options
	endpoint string
	client   *http.Client
	secrets  providers.Secrets
	now      func() time.Time
}

// New returns a Twilio provider.
func New(opts Options) (*Provider, error) {
	if opts.AccountSID == "" || opts.AuthToken == "" {
		return nil, fmt.Errorf("twilio: account SID and auth token are required")
	}
	if opts.From == "" && opts.MessagingServiceSID == "" {
		return nil, fmt.Errorf("twilio: a From number or a messaging service SID is required")
	}
	if opts.Name == "" {
		opts.Name = "twilio"
	}
	if opts.URL == "" {
		opts.URL = DefaultURL
	}
	p := &Provider{
		opts:     opts,
		endpoint: strings.TrimRight(opts.URL, "/") + "/2010-04-01/Accounts/" + url.PathEscape(opts.AccountSID) + "/Messages.json",
		client:   opts.HTTPClient, secrets: providers.Secrets{opts.AuthToken}, now: time.Now,
	}
	if p.client == nil {
		p.client = providers.NewHTTPClient(nil)
	}
	return p, nil
}

// Name implements providers.Provider.
func (p *Provider) Name() string { return p.opts.Name }

// Form returns the form that sends m.
func (p *Provider) Form(m *providers.Message) url.Values {
	form := url.Values{"To": {m.To}, "Body": {m.Body}}
	if p.opts.StatusCallbackURL != "" && m.DeliveryID != "" {
		form.Set("StatusCallback", strings.TrimRight(p.opts.StatusCallbackURL, "/")+"/"+url.PathEscape(m.DeliveryID))
	}
	if p.opts.MessagingServiceSID != "" {
		form.Set("MessagingServiceSid", p.opts.MessagingServiceSID)
	} else {
		form.Set("From", p.opts.From)
	}
	return form
}

// Send implements providers.Provider.
func (p *Provider) Send(ctx context.Context, m *providers.Message) (*providers.Result, error) {
	if m.Body == "" {
		return nil, providers.Permanentf("twilio: the text message is empty")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.endpoint, strings.NewReader(p.Form(m).Encode()))
	if err != nil {
		return nil, providers.Permanentf("twilio: %v", err)
	}
	req.SetBasicAuth(p.opts.AccountSID, p.opts.AuthToken)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set(IdempotencyHeader, m.DeliveryID)
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, providers.ConnectionError(err, nil)
	}
	defer providers.Drain(resp.Body)
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 16<<10))
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		var msg struct {
			SID string `json:"sid"`
		}
		_ = json.Unmarshal(raw, &msg)
		return &providers.Result{StatusCode: resp.StatusCode, MessageID: msg.SID}, nil
	}
	return nil, p.secrets.RedactError(classify(resp, raw, p.now()))
}

// apiError is Twilio's error body.
type apiError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// Twilio error codes that say the recipient's number cannot be texted.
var badNumber = map[int]bool{
	21211: true, // invalid 'To' phone number
	21214: true, // 'To' number cannot be reached
	21407: true, // this phone number type does not support SMS
	21612: true, // cannot route to this number
	21614: true, // 'To' number is not a valid mobile number
}

// Twilio error codes that are the account's or configuration's fault.
var accountFault = map[int]bool{
	20003: true, // authentication failed
	20005: true, // account not active
	21212: true, // invalid 'From' number
	21606: true, // 'From' number is not a valid, SMS-capable number of the account
	21608: true, // trial accounts send only to verified numbers
}

func classify(resp *http.Response, raw []byte, now time.Time) *providers.Error {
	var ae apiError
	_ = json.Unmarshal(raw, &ae)
	msg := ae.Message
	if msg == "" {
		msg = strings.TrimSpace(string(raw))
	}
	e := &providers.Error{Class: providers.Permanent, StatusCode: resp.StatusCode,
		Err: fmt.Errorf("twilio: HTTP %d: %s", resp.StatusCode, msg)}
	if ae.Code != 0 {
		e.Code = strconv.Itoa(ae.Code)
		e.Err = fmt.Errorf("twilio: HTTP %d: error %d: %s", resp.StatusCode, ae.Code, msg)
	}
	switch code := resp.StatusCode; {
	case code == http.StatusTooManyRequests || ae.Code == 20429:
		e.Class, e.RetryAfter = providers.Throttled, providers.RetryAfter(resp.Header, now)
	case code == http.StatusRequestTimeout || code >= 500:
		e.Class = providers.Transient
	case badNumber[ae.Code]:
		e.BadAddress = true
		e.Suppress = InvalidNumberCode(e.Code)
	case accountFault[ae.Code] || code == http.StatusUnauthorized || code == http.StatusForbidden:
		e.ProviderFault = true
	}
	return e
}
