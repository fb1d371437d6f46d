package providertest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // Twilio signs with HMAC-SHA1
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// SendGrid speaks SendGrid's v3 Mail Send API, and posts signed Event
// Webhook events (PostEvents) as SendGrid does.
type SendGrid struct {
	recorder
	*httptest.Server
	APIKey string
	// eventKey signs event posts; WebhookPublicKey is its public half.
	eventKey *ecdsa.PrivateKey
}

// NewSendGrid starts a SendGrid API on loopback that accepts apiKey.
func NewSendGrid(t testing.TB, apiKey string) *SendGrid {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s := &SendGrid{APIKey: apiKey, eventKey: key}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v3/mail/send", s.send)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func sendgridError(w http.ResponseWriter, status int, field, msg string) int {
	body, _ := json.Marshal(map[string]any{"errors": []map[string]any{{"message": msg, "field": field, "help": nil}}})
	return writeReply(w, &Reply{Status: status, Body: string(body)})
}

func (s *SendGrid) send(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+s.APIKey {
		sendgridError(w, http.StatusUnauthorized, "", "The provided authorization grant is invalid, expired, or revoked")
		return
	}
	var req struct {
		Personalizations []struct {
			To []struct{ Email string } `json:"to"`
		} `json:"personalizations"`
		From       struct{ Email string } `json:"from"`
		Subject    string                 `json:"subject"`
		Content    []struct{ Type, Value string }
		Headers    map[string]string `json:"headers"`
		CustomArgs map[string]string `json:"custom_args"`
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	if err := dec.Decode(&req); err != nil {
		sendgridError(w, http.StatusBadRequest, "", "Bad Request")
		return
	}
	switch {
	case len(req.Personalizations) == 0 || len(req.Personalizations[0].To) == 0:
		sendgridError(w, http.StatusBadRequest, "personalizations", "The personalizations field is required and must have at least one personalization.")
		return
	case req.From.Email == "":
		sendgridError(w, http.StatusBadRequest, "from.email", "The from email does not contain a valid address.")
		return
	case req.Subject == "":
		sendgridError(w, http.StatusBadRequest, "subject", "The subject is required.")
		return
	case len(req.Content) == 0 || req.Content[0].Value == "":
		sendgridError(w, http.StatusBadRequest, "content", "The content value must be a string at least one character in length.")
		return
	case len(req.Content) > 1 && req.Content[0].Type != "text/plain":
		sendgridError(w, http.StatusBadRequest, "content", "If present, text/plain must be first.")
		return
	}
	to := req.Personalizations[0].To[0].Email
	if !strings.Contains(to, "@") {
		sendgridError(w, http.StatusBadRequest, "personalizations.0.to.0.email", "Does not contain a valid address.")
		return
	}
	call := Call{Key: req.CustomArgs["herald_delivery_id"], To: to, Fields: map[string]string{
		"subject": req.Subject, "body": req.Content[0].Value, "header": req.Headers["X-Herald-Delivery-Id"],
	}}
	for _, c := range req.Content {
		if c.Type == "text/html" {
			call.Fields["html"] = c.Value
		}
	}
	if reply := s.next(call.Key); reply != nil {
		call.Status = writeReply(w, reply)
	} else {
		id := strings.ReplaceAll(uuid.NewString(), "-", "")[:22]
		w.Header().Set("X-Message-Id", id)
		w.WriteHeader(http.StatusAccepted)
		call.Status = http.StatusAccepted
		call.Fields["messageId"] = id
	}
	s.record(call)
}

// WebhookPublicKey returns the Event Webhook verification key, base64 DER
// as SendGrid's settings page shows it.
func (s *SendGrid) WebhookPublicKey() string {
	der, _ := x509.MarshalPKIXPublicKey(&s.eventKey.PublicKey)
	return base64.StdEncoding.EncodeToString(der)
}

// Event returns an Event Webhook event of kind (delivered, bounce, open,
// click, spamreport, ...) about an accepted call, with the fields SendGrid
// sends (email, timestamp, sg_event_id, sg_message_id and the call's
// custom arguments) and extra on top.
func (s *SendGrid) Event(c Call, kind string, extra map[string]any) map[string]any {
	ev := map[string]any{
		"email": c.To, "timestamp": time.Now().Unix(), "event": kind,
		"sg_event_id":        strings.ReplaceAll(uuid.NewString(), "-", "")[:22],
		"sg_message_id":      c.Fields["messageId"] + ".filterdrecv-1-2-3",
		"smtp-id":            "<" + c.Fields["messageId"] + "@ismtpd0001p1>",
		"herald_delivery_id": c.Key,
	}
	for k, v := range extra {
		ev[k] = v
	}
	return ev
}

// SignEvents returns the signature headers SendGrid sends with body at
// timestamp ts: the base64 ASN.1 ECDSA P-256 signature of
// SHA-256(ts + body).
func (s *SendGrid) SignEvents(body []byte, ts string) string {
	digest := sha256.Sum256(append([]byte(ts), body...))
	sig, err := ecdsa.SignASN1(rand.Reader, s.eventKey, digest[:])
	if err != nil {
		panic(err) // only with a broken random source
	}
	return base64.StdEncoding.EncodeToString(sig)
}

// PostEvents posts events to url as SendGrid's signed Event Webhook does
// (a JSON array, X-Twilio-Email-Event-Webhook-Signature and -Timestamp)
// and returns the answer's status.
func (s *SendGrid) PostEvents(url string, events ...map[string]any) (int, error) {
	body, err := json.Marshal(events)
	if err != nil {
		return 0, err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	return PostSendGridEvents(url, body, s.SignEvents(body, ts), ts)
}

// PostSendGridEvents posts an event body with the given signature headers
// (a test tampering with them, say).
func PostSendGridEvents(url string, body []byte, signature, ts string) (int, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "SendGrid Event API")
	req.Header.Set("X-Twilio-Email-Event-Webhook-Signature", signature)
	req.Header.Set("X-Twilio-Email-Event-Webhook-Timestamp", ts)
	return postStatus(req)
}

// Twilio speaks Twilio's Messages API.
type Twilio struct {
	recorder
	*httptest.Server
	AccountSID, AuthToken string
}

// NewTwilio starts a Twilio API on loopback for one account.
func NewTwilio(t testing.TB, accountSID, authToken string) *Twilio {
	s := &Twilio{AccountSID: accountSID, AuthToken: authToken}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /2010-04-01/Accounts/{sid}/Messages.json", s.create)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

func twilioError(w http.ResponseWriter, status, code int, msg string) int {
	body, _ := json.Marshal(map[string]any{"code": code, "message": msg,
		"more_info": fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code), "status": status})
	return writeReply(w, &Reply{Status: status, Body: string(body)})
}

func (s *Twilio) create(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || user != s.AccountSID || pass != s.AuthToken || r.PathValue("sid") != s.AccountSID {
		twilioError(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/x-www-form-urlencoded" {
		twilioError(w, http.StatusBadRequest, 20001, "Content-Type must be application/x-www-form-urlencoded")
		return
	}
	if err := r.ParseForm(); err != nil {
		twilioError(w, http.StatusBadRequest, 20001, "Bad form")
		return
	}
	to, body := r.PostForm.Get("To"), r.PostForm.Get("Body")
	switch {
	case r.PostForm.Get("From") == "" && r.PostForm.Get("MessagingServiceSid") == "":
		twilioError(w, http.StatusBadRequest, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message")
		return
	case body == "":
		twilioError(w, http.StatusBadRequest, 21602, "Message body is required.")
		return
	case !e164.MatchString(to) || strings.HasPrefix(to, "+1555"):
		// +1555... stands for numbers that are well-formed but invalid.
		twilioError(w, http.StatusBadRequest, 21211, fmt.Sprintf("The 'To' number %s is not a valid phone number.", to))
		return
	}
	call := Call{Key: r.Header.Get("I-Twilio-Idempotency-Token"), To: to, Fields: map[string]string{"body": body,
		"from": r.PostForm.Get("From"), "statusCallback": r.PostForm.Get("StatusCallback")}}
	if cb := call.Fields["statusCallback"]; cb != "" {
		if u, err := url.Parse(cb); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			twilioError(w, http.StatusBadRequest, 21609, "Invalid StatusCallback URL")
			return
		}
	}
	if reply := s.next(call.Key); reply != nil {
		call.Status = writeReply(w, reply)
	} else {
		sid := "SM" + strings.ReplaceAll(uuid.NewString(), "-", "")
		out, _ := json.Marshal(map[string]any{"sid": sid, "account_sid": s.AccountSID, "to": to, "body": body,
			"status": "queued", "num_segments": "1", "direction": "outbound-api"})
		call.Status = writeReply(w, &Reply{Status: http.StatusCreated, Body: string(out)})
		call.Fields["sid"] = sid
	}
	s.record(call)
}

// PostStatus posts a status callback about an accepted call to the
// StatusCallback it asked for, as Twilio does: form parameters
// (MessageSid, MessageStatus, ErrorCode, ...) signed with
// X-Twilio-Signature. It returns the answer's status.
func (s *Twilio) PostStatus(c Call, status string, errorCode int) (int, error) {
	form := url.Values{
		"AccountSid": {s.AccountSID}, "ApiVersion": {"2010-04-01"}, "From": {c.Fields["from"]}, "To": {c.To},
		"MessageSid": {c.Fields["sid"]}, "SmsSid": {c.Fields["sid"]}, "MessageStatus": {status}, "SmsStatus": {status},
	}
	if errorCode != 0 {
		form.Set("ErrorCode", strconv.Itoa(errorCode))
	}
	return PostTwilioForm(c.Fields["statusCallback"], form, TwilioSignature(s.AuthToken, c.Fields["statusCallback"], form))
}

// TwilioSignature signs a POST to fullURL with form the way Twilio does:
// base64(HMAC-SHA1(auth token, URL + each parameter name and value,
// sorted by name)).
func TwilioSignature(authToken, fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(fullURL)
	for _, k := range keys {
		for _, v := range form[k] {
			b.WriteString(k + v)
		}
	}
	m := hmac.New(sha1.New, []byte(authToken))
	m.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// PostTwilioForm posts form to url with an X-Twilio-Signature header.
func PostTwilioForm(u string, form url.Values, signature string) (int, error) {
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "TwilioProxy/1.1")
	req.Header.Set("X-Twilio-Signature", signature)
	return postStatus(req)
}

// FCM speaks FCM's HTTP v1 API and Google's OAuth2 token endpoint (the
// JWT bearer grant, checking the assertion's signature, audience and
// scope).
type FCM struct {
	recorder
	*httptest.Server
	Project string
	key     *rsa.PrivateKey
	email   string

	mu           sync.Mutex
	tokens       map[string]bool
	tokenGrants  int
	unregistered map[string]bool
}

// NewFCM starts FCM and its token endpoint on loopback.
func NewFCM(t testing.TB) *FCM {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	s := &FCM{Project: "herald-test", key: key, email: "herald@herald-test.iam.gserviceaccount.com",
		tokens: map[string]bool{}, unregistered: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", s.token)
	mux.HandleFunc("POST /v1/projects/{project}/messages:send", s.send)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// ServiceAccountJSON returns a service-account key file whose token_uri is
// this server.
func (s *FCM) ServiceAccountJSON() []byte {
	der, _ := x509.MarshalPKCS8PrivateKey(s.key)
	out, _ := json.Marshal(map[string]string{
		"type": "service_account", "project_id": s.Project, "private_key_id": "key1",
		"private_key":  string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email": s.email, "client_id": "1", "token_uri": s.URL + "/token",
	})
	return out
}

// Unregister makes token answer UNREGISTERED, as for an uninstalled app.
func (s *FCM) Unregister(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.unregistered[token] = true
}

// TokenGrants counts access tokens issued.
func (s *FCM) TokenGrants() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenGrants
}

func (s *FCM) token(w http.ResponseWriter, r *http.Request) {
	oauthErr := func(desc string) {
		writeReply(w, &Reply{Status: http.StatusBadRequest, Body: fmt.Sprintf(`{"error":"invalid_grant","error_description":%q}`, desc)})
	}
	if err := r.ParseForm(); err != nil || r.PostForm.Get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		oauthErr("unsupported grant")
		return
	}
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(r.PostForm.Get("assertion"), claims, func(*jwt.Token) (any, error) { return &s.key.PublicKey, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience(s.URL+"/token"), jwt.WithIssuer(s.email), jwt.WithExpirationRequired())
	if err != nil {
		oauthErr("Invalid JWT Signature.")
		return
	}
	if scope, _ := claims["scope"].(string); !strings.Contains(scope, "https://www.googleapis.com/auth/firebase.messaging") {
		oauthErr("Invalid scope")
		return
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	tok := "ya29." + hex.EncodeToString(b)
	s.mu.Lock()
	s.tokens[tok] = true
	s.tokenGrants++
	s.mu.Unlock()
	writeReply(w, &Reply{Status: http.StatusOK, Body: fmt.Sprintf(`{"access_token":%q,"expires_in":3599,"token_type":"Bearer"}`, tok)})
}

func fcmError(w http.ResponseWriter, status int, grpcStatus, fcmCode, msg string) int {
	detail := map[string]any{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": fcmCode}
	body, _ := json.Marshal(map[string]any{"error": map[string]any{"code": status, "message": msg, "status": grpcStatus,
		"details": []any{detail}}})
	return writeReply(w, &Reply{Status: status, Body: string(body)})
}

func (s *FCM) send(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	authorized := s.tokens[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
	s.mu.Unlock()
	if !authorized || r.PathValue("project") != s.Project {
		body := `{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}`
		writeReply(w, &Reply{Status: http.StatusUnauthorized, Body: body})
		return
	}
	var req struct {
		Message struct {
			Token        string            `json:"token"`
			Notification map[string]string `json:"notification"`
			Data         map[string]string `json:"data"`
		} `json:"message"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil || req.Message.Token == "" {
		fcmError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token")
		return
	}
	m := req.Message
	call := Call{Key: m.Data["herald_delivery_id"], To: m.Token, Fields: map[string]string{"title": m.Notification["title"], "body": m.Notification["body"]}}
	s.mu.Lock()
	gone := s.unregistered[m.Token]
	s.mu.Unlock()
	switch reply := s.next(call.Key); {
	case gone:
		call.Status = fcmError(w, http.StatusNotFound, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.")
	case reply != nil:
		call.Status = writeReply(w, reply)
	default:
		call.Status = writeReply(w, &Reply{Status: http.StatusOK,
			Body: fmt.Sprintf(`{"name":"projects/%s/messages/0:%d"}`, s.Project, time.Now().UnixNano())})
	}
	s.record(call)
}

// APNs speaks APNs' provider API over HTTP/2 with TLS, checking the ES256
// provider token.
type APNs struct {
	recorder
	*httptest.Server
	KeyID, TeamID, Topic string
	key                  *ecdsa.PrivateKey

	mu   sync.Mutex
	gone map[string]string // token -> reason
}

// NewAPNs starts APNs on loopback (HTTP/2 over TLS; see TLS for the root).
func NewAPNs(t testing.TB) *APNs {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s := &APNs{KeyID: "ABC123DEFG", TeamID: "DEF123GHIJ", Topic: "com.example.herald", key: key, gone: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /3/device/{token}", s.push)
	s.Server = httptest.NewUnstartedServer(mux)
	s.TLS, _ = TLS(t)
	s.EnableHTTP2 = true
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

// KeyPEM returns the auth key (.p8) the server trusts.
func (s *APNs) KeyPEM() []byte {
	der, _ := x509.MarshalPKCS8PrivateKey(s.key)
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// Reject makes token answer with reason: "Unregistered" (410) or
// "BadDeviceToken" (400).
func (s *APNs) Reject(token, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gone[token] = reason
}

func apnsError(w http.ResponseWriter, id string, status int, reason string) int {
	w.Header().Set("apns-id", id)
	body := fmt.Sprintf(`{"reason":%q}`, reason)
	if status == http.StatusGone {
		body = fmt.Sprintf(`{"reason":%q,"timestamp":%d}`, reason, time.Now().UnixMilli())
	}
	return writeReply(w, &Reply{Status: status, Body: body})
}

func (s *APNs) push(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get("apns-id")
	if r.ProtoMajor != 2 {
		apnsError(w, id, http.StatusBadRequest, "BadPath") // APNs only speaks HTTP/2
		return
	}
	if _, err := uuid.Parse(id); err != nil || len(id) != 36 {
		apnsError(w, id, http.StatusBadRequest, "BadMessageId")
		return
	}
	claims := jwt.MapClaims{}
	tok, err := jwt.ParseWithClaims(strings.TrimPrefix(r.Header.Get("Authorization"), "bearer "), claims,
		func(*jwt.Token) (any, error) { return &s.key.PublicKey, nil },
		jwt.WithValidMethods([]string{"ES256"}), jwt.WithIssuer(s.TeamID), jwt.WithIssuedAt())
	if err != nil || tok.Header["kid"] != s.KeyID {
		apnsError(w, id, http.StatusForbidden, "InvalidProviderToken")
		return
	}
	if r.Header.Get("apns-topic") != s.Topic {
		apnsError(w, id, http.StatusBadRequest, "BadTopic")
		return
	}
	var payload struct {
		APS struct {
			Alert struct{ Title, Body string } `json:"alert"`
		} `json:"aps"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(&payload); err != nil {
		apnsError(w, id, http.StatusBadRequest, "PayloadEmpty")
		return
	}
	device := r.PathValue("token")
	call := Call{Key: id, To: device, Fields: map[string]string{"title": payload.APS.Alert.Title, "body": payload.APS.Alert.Body,
		"collapse": r.Header.Get("apns-collapse-id")}}
	s.mu.Lock()
	reason := s.gone[device]
	s.mu.Unlock()
	switch reply := s.next(call.Key); {
	case reason == "Unregistered":
		call.Status = apnsError(w, id, http.StatusGone, reason)
	case reason != "":
		call.Status = apnsError(w, id, http.StatusBadRequest, reason)
	case reply != nil:
		w.Header().Set("apns-id", id)
		call.Status = writeReply(w, reply)
	default:
		w.Header().Set("apns-id", id)
		w.WriteHeader(http.StatusOK)
		call.Status = http.StatusOK
	}
	s.record(call)
}

// Slack speaks Slack's incoming webhooks: POST JSON to
// /services/T…/B…/secret, "ok" back.
type Slack struct {
	recorder
	*httptest.Server
}

// NewSlack starts Slack's webhook endpoint on loopback.
func NewSlack(t testing.TB) *Slack {
	s := &Slack{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /services/{team}/{bot}/{secret}", s.post)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// WebhookURL returns a webhook URL on this server.
func (s *Slack) WebhookURL(secret string) string {
	return s.URL + "/services/T00000000/B00000000/" + secret
}

func (s *Slack) post(w http.ResponseWriter, r *http.Request) {
	text := func(status int, body string) int {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
		return status
	}
	var msg struct {
		Text string `json:"text"`
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		text(http.StatusBadRequest, "invalid_payload")
		return
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&msg); err != nil || msg.Text == "" {
		text(http.StatusBadRequest, "invalid_payload")
		return
	}
	call := Call{Key: msg.Text, To: r.PathValue("secret"), Fields: map[string]string{"text": msg.Text}}
	switch reply := s.next(call.Key); {
	case r.PathValue("secret") == "revoked":
		call.Status = text(http.StatusNotFound, "no_service")
	case reply != nil:
		w.Header().Set("Content-Type", "text/html")
		call.Status = writeReply(w, reply)
	default:
		call.Status = text(http.StatusOK, "ok")
	}
	s.record(call)
}

// postStatus sends a callback as the provider would and returns the
// answer's status.
func postStatus(req *http.Request) (int, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}
