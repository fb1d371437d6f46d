package twilio

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // Twilio signs requests with HMAC-SHA1
	"encoding/base64"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// SignatureHeader carries Twilio's signature of a request it makes.
const SignatureHeader = "X-Twilio-Signature"

// Signature returns what Twilio sends as X-Twilio-Signature for a POST to
// fullURL (as Twilio requested it, query string included) with form
// params: base64 of HMAC-SHA1, under the account's auth token, of the URL
// followed by every parameter's name and value, sorted by name.
func Signature(authToken, fullURL string, params url.Values) string {
	h := hmac.New(sha1.New, []byte(authToken))
	h.Write([]byte(fullURL))
	for _, k := range slices.Sorted(maps.Keys(params)) {
		vs := slices.Clone(params[k])
		slices.Sort(vs)
		for _, v := range vs {
			h.Write([]byte(k))
			h.Write([]byte(v))
		}
	}
	return base64.StdEncoding.EncodeToString(h.Sum(nil))
}

// ValidSignature reports whether signature is Twilio's for a POST to
// fullURL with params, under authToken. Like Twilio's own libraries it
// also accepts the URL with its default port added or removed, since
// Twilio signs the URL as configured and proxies may rewrite the port.
func ValidSignature(authToken, fullURL string, params url.Values, signature string) bool {
	if signature == "" {
		return false
	}
	for _, u := range urlVariants(fullURL) {
		if hmac.Equal([]byte(Signature(authToken, u, params)), []byte(signature)) {
			return true
		}
	}
	return false
}

func urlVariants(fullURL string) []string {
	out := []string{fullURL}
	u, err := url.Parse(fullURL)
	if err != nil {
		return out
	}
	def := map[string]string{"https": "443", "http": "80"}[u.Scheme]
	switch {
	case def == "":
	case u.Port() == def:
		v := *u
		v.Host = u.Hostname()
		out = append(out, v.String())
	case u.Port() == "":
		v := *u
		v.Host = u.Host + ":" + def
		out = append(out, v.String())
	}
	return out
}

// VerifyCallback reports whether a request to fullURL with params was
// signed with this provider's auth token.
func (p *Provider) VerifyCallback(fullURL string, params url.Values, signature string) bool {
	return ValidSignature(p.opts.AuthToken, fullURL, params, signature)
}

// AccountSID returns the provider's account.
func (p *Provider) AccountSID() string { return p.opts.AccountSID }

// StatusCallback is a message status change Twilio posted.
type StatusCallback struct {
	AccountSID string
	MessageSID string
	// Status is MessageStatus: queued, sending, sent, delivered,
	// undelivered, failed, read, ...
	Status string
	// ErrorCode is Twilio's error code for undelivered and failed, 0 if
	// none.
	ErrorCode int
	To        string
}

// ParseStatusCallback reads a status callback's form parameters.
func ParseStatusCallback(params url.Values) StatusCallback {
	cb := StatusCallback{
		AccountSID: params.Get("AccountSid"), MessageSID: cmpOr(params.Get("MessageSid"), params.Get("SmsSid")),
		Status: strings.ToLower(cmpOr(params.Get("MessageStatus"), params.Get("SmsStatus"))), To: params.Get("To"),
	}
	cb.ErrorCode, _ = strconv.Atoi(params.Get("ErrorCode"))
	return cb
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Outcome is what a status callback means for the delivery.
type Outcome int

// Outcomes of a status callback.
const (
	// InTransit: queued, sending, sent, accepted, scheduled: nothing
	// final yet.
	InTransit Outcome = iota
	// Delivered: the carrier confirmed delivery to the handset.
	Delivered
	// Undeliverable: undelivered or failed.
	Undeliverable
	// Read: the recipient read it (WhatsApp, RCS).
	Read
)

// Outcome says what the callback's status means.
func (cb StatusCallback) Outcome() Outcome {
	switch cb.Status {
	case "delivered":
		return Delivered
	case "undelivered", "failed":
		return Undeliverable
	case "read":
		return Read
	}
	return InTransit
}

// invalidNumber lists the error codes of an undeliverable message that say
// the number itself is bad: it is not a valid mobile number (21211, 21614)
// or the carrier does not know it or cannot text it (30005 unknown or
// inactive handset, 30006 landline or unreachable carrier). 30003
// (handset unreachable: off, out of coverage) is usually temporary and is
// not among them.
var invalidNumber = map[int]bool{21211: true, 21614: true, 30005: true, 30006: true}

// InvalidNumber reports whether the callback says the number cannot
// receive texts at all, so it should not be texted again.
func (cb StatusCallback) InvalidNumber() bool { return invalidNumber[cb.ErrorCode] }

// InvalidNumberCode reports whether a Twilio error code at send time says
// the number is not a valid mobile number (21211, 21614).
func InvalidNumberCode(code string) bool {
	n, err := strconv.Atoi(code)
	return err == nil && (n == 21211 || n == 21614)
}
