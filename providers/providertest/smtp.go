package providertest

import (
	"io"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// SMTP is a submission server (github.com/emersion/go-smtp) that offers
// STARTTLS, refuses AUTH before it, checks AUTH PLAIN credentials and
// records each message by its Message-ID. A script's Reply.Status is an
// SMTP reply code given at DATA (or at RCPT TO for 550).
type SMTP struct {
	recorder
	Addr               string
	Username, Password string
	server             *smtp.Server
	conns              atomic.Int64
}

// countingListener counts accepted connections.
type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

// NewSMTP starts an SMTP server on loopback.
func NewSMTP(t testing.TB, username, password string) *SMTP {
	s := &SMTP{Username: username, Password: password}
	s.server = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &smtpSession{srv: s, conn: c}, nil
	}))
	s.server.Domain = "localhost"
	s.server.TLSConfig, _ = TLS(t)
	s.server.AllowInsecureAuth = false
	s.server.ReadTimeout, s.server.WriteTimeout = 10*time.Second, 10*time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Addr = ln.Addr().String()
	go func() { _ = s.server.Serve(countingListener{ln, &s.conns}) }()
	t.Cleanup(func() { _ = s.server.Close() })
	return s
}

// Host returns the address the server listens on.
func (s *SMTP) Host() string {
	h, _, _ := net.SplitHostPort(s.Addr)
	return h
}

// Port returns the server's port.
func (s *SMTP) Port() int {
	_, p, _ := net.SplitHostPort(s.Addr)
	n, _ := strconv.Atoi(p)
	return n
}

// Connections counts SMTP connections accepted so far.
func (s *SMTP) Connections() int { return int(s.conns.Load()) }

type smtpSession struct {
	srv    *SMTP
	conn   *smtp.Conn
	authed bool
	from   string
	to     []string
}

func (s *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *smtpSession) Auth(mech string) (sasl.Server, error) {
	if _, ok := s.conn.TLSConnectionState(); !ok {
		return nil, &smtp.SMTPError{Code: 538, EnhancedCode: smtp.EnhancedCode{5, 7, 11}, Message: "Encryption required"}
	}
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != s.srv.Username || pass != s.srv.Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		s.authed = true
		return nil
	}), nil
}

func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if !s.authed {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Authentication required"}
	}
	s.from = from
	return nil
}

func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if strings.HasPrefix(to, "nobody@") {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user"}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *smtpSession) Data(r io.Reader) error {
	msg, err := mail.ReadMessage(r)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: "Malformed message"}
	}
	body, _ := io.ReadAll(msg.Body)
	id := strings.Trim(msg.Header.Get("Message-Id"), "<>")
	key, _, _ := strings.Cut(id, "@")
	_, tlsOn := s.conn.TLSConnectionState()
	call := Call{Key: key, To: strings.Join(s.to, ","), Status: 250, Fields: map[string]string{
		"subject": msg.Header.Get("Subject"), "body": string(body), "from": s.from, "messageId": id,
		"tls": map[bool]string{true: "yes", false: "no"}[tlsOn], "header": msg.Header.Get("X-Herald-Delivery-Id"),
	}}
	var rerr error
	if reply := s.srv.next(key); reply != nil {
		call.Status = reply.Status
		rerr = &smtp.SMTPError{Code: reply.Status, EnhancedCode: smtp.EnhancedCodeNotSet, Message: reply.Body}
	}
	s.srv.record(call)
	return rerr
}

func (s *smtpSession) Reset() { s.from, s.to = "", nil }

func (s *smtpSession) Logout() error { return nil }

var _ smtp.AuthSession = (*smtpSession)(nil)
