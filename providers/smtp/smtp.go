// Package smtp sends email over SMTP with STARTTLS (or implicit TLS) and
// SMTP AUTH, through github.com/wneessen/go-mail. Connections are kept
// open and reused between messages, up to MaxIdle of them.
//
// Each message's Message-ID is <delivery id@sender domain>, so a repeat
// after a lost reply carries the same id and mail systems that
// deduplicate on Message-ID drop it; it also carries X-Herald-Delivery-Id.
package smtp

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/mail"
	"net/textproto"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
	gosmtp "github.com/wneessen/go-mail/smtp"

	"github.com/heraldhq/herald/providers"
)

// TLS modes.
const (
	// STARTTLS upgrades a plain connection and refuses servers that cannot
	// (the default, port 587).
	STARTTLS = "starttls"
	// ImplicitTLS speaks TLS from the first byte (port 465).
	ImplicitTLS = "tls"
	// NoTLS sends in the clear; only for local mail catchers.
	NoTLS = "none"
)

// DeliveryIDHeader carries the delivery id.
const DeliveryIDHeader = "X-Herald-Delivery-Id"

// Options configure New. Host and From are required.
type Options struct {
	// Name is the provider's name in deliveries and metrics. Default "smtp".
	Name string
	Host string
	// Port defaults to 587 (465 with ImplicitTLS).
	Port int
	// Username and Password enable SMTP AUTH (the strongest mechanism the
	// server offers).
	Username string
	Password string
	// From is the sender, "Name <address>" or a bare address.
	From string
	// TLS is STARTTLS (default), ImplicitTLS or NoTLS.
	TLS string
	// TLSConfig defaults to the system roots and Host as server name.
	TLSConfig *tls.Config
	// Timeout bounds dialing and each command. Default 30s.
	Timeout time.Duration
	// MaxIdle is how many open connections are kept for reuse. Default 10.
	MaxIdle int
	// IdleTimeout closes connections unused for this long. Default 30s.
	IdleTimeout time.Duration
}

// Provider sends email over SMTP.
type Provider struct {
	name        string
	client      *gomail.Client
	from        *mail.Address
	domain      string
	idle        chan idleConn
	idleTimeout time.Duration
	secrets     providers.Secrets
}

type idleConn struct {
	c     *gosmtp.Client
	since time.Time
}

// New returns an SMTP provider. It does not connect until the first send.
func New(opts Options) (*Provider, error) {
	if opts.Host == "" {
		return nil, errors.New("smtp: host is required")
	}
	from, err := mail.ParseAddress(opts.From)
	if err != nil {
		return nil, fmt.Errorf("smtp: from %q: %w", opts.From, err)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MaxIdle <= 0 {
		opts.MaxIdle = 10
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = 30 * time.Second
	}
	tlsCfg := opts.TLSConfig
	if tlsCfg == nil {
		tlsCfg = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	tlsCfg = tlsCfg.Clone()
	if tlsCfg.ServerName == "" {
		tlsCfg.ServerName = opts.Host
	}
	clientOpts := []gomail.Option{gomail.WithTimeout(opts.Timeout), gomail.WithTLSConfig(tlsCfg)}
	switch opts.TLS {
	case "", STARTTLS:
		clientOpts = append(clientOpts, gomail.WithTLSPolicy(gomail.TLSMandatory))
		if opts.Port == 0 {
			opts.Port = 587
		}
	case ImplicitTLS:
		clientOpts = append(clientOpts, gomail.WithSSL())
		if opts.Port == 0 {
			opts.Port = 465
		}
	case NoTLS:
		clientOpts = append(clientOpts, gomail.WithTLSPolicy(gomail.NoTLS))
		if opts.Port == 0 {
			opts.Port = 25
		}
	default:
		return nil, fmt.Errorf("smtp: TLS mode %q is not starttls, tls or none", opts.TLS)
	}
	clientOpts = append(clientOpts, gomail.WithPort(opts.Port))
	if opts.Username != "" {
		clientOpts = append(clientOpts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(opts.Username), gomail.WithPassword(opts.Password))
	}
	client, err := gomail.NewClient(opts.Host, clientOpts...)
	if err != nil {
		return nil, fmt.Errorf("smtp: %w", err)
	}
	p := &Provider{
		name: opts.Name, client: client, from: from, idle: make(chan idleConn, opts.MaxIdle),
		idleTimeout: opts.IdleTimeout, secrets: providers.Secrets{opts.Password},
	}
	if p.name == "" {
		p.name = "smtp"
	}
	if _, domain, ok := strings.Cut(from.Address, "@"); ok {
		p.domain = domain
	} else {
		p.domain = "herald.invalid"
	}
	return p, nil
}

// Name implements providers.Provider.
func (p *Provider) Name() string { return p.name }

// Message builds the email that sends m.
func (p *Provider) Message(m *providers.Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.FromFormat(p.from.Name, p.from.Address); err != nil {
		return nil, fmt.Errorf("from: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("to: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.DeliveryID + "@" + p.domain)
	msg.SetGenHeader(DeliveryIDHeader, m.DeliveryID)
	msg.SetDate()
	switch {
	case m.Body != "" && m.HTML != "":
		msg.SetBodyString(gomail.TypeTextPlain, m.Body)
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	case m.HTML != "":
		msg.SetBodyString(gomail.TypeTextHTML, m.HTML)
	case m.Body != "":
		msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	default:
		return nil, errors.New("the email has no body")
	}
	return msg, nil
}

// Send implements providers.Provider.
func (p *Provider) Send(ctx context.Context, m *providers.Message) (*providers.Result, error) {
	msg, err := p.Message(m)
	if err != nil {
		return nil, &providers.Error{Class: providers.Permanent, BadAddress: strings.HasPrefix(err.Error(), "to:"),
			Err: fmt.Errorf("smtp: %w", err)}
	}
	c, reused, err := p.conn(ctx)
	if err != nil {
		return nil, p.classify(err)
	}
	err = p.send(ctx, c, msg)
	if err != nil && reused && isConnCheck(err) {
		// The server closed the idle connection: nothing was sent on it,
		// so one more try on a fresh one is safe.
		p.discard(c)
		if c, err = p.dial(ctx); err != nil {
			return nil, p.classify(err)
		}
		err = p.send(ctx, c, msg)
	}
	if err != nil {
		p.discard(c)
		return nil, p.classify(err)
	}
	p.release(c)
	return &providers.Result{StatusCode: 250, MessageID: "<" + m.DeliveryID + "@" + p.domain + ">"}, nil
}

func (p *Provider) send(ctx context.Context, c *gosmtp.Client, msg *gomail.Msg) error {
	if deadline, ok := ctx.Deadline(); ok {
		if err := c.UpdateDeadline(time.Until(deadline)); err != nil {
			return err
		}
	}
	// Give up if ctx ends mid-conversation: closing the connection makes
	// the blocked command return.
	stop := context.AfterFunc(ctx, func() { _ = c.Close() })
	defer stop()
	return p.client.SendWithSMTPClient(c, msg)
}

// conn returns an idle connection, or a new one.
func (p *Provider) conn(ctx context.Context) (*gosmtp.Client, bool, error) {
	for {
		select {
		case ic := <-p.idle:
			if time.Since(ic.since) > p.idleTimeout {
				p.discard(ic.c)
				continue
			}
			return ic.c, true, nil
		default:
			c, err := p.dial(ctx)
			return c, false, err
		}
	}
}

func (p *Provider) dial(ctx context.Context) (*gosmtp.Client, error) {
	return p.client.DialToSMTPClientWithContext(ctx)
}

// release keeps c for reuse, or closes it when enough are kept.
func (p *Provider) release(c *gosmtp.Client) {
	select {
	case p.idle <- idleConn{c: c, since: time.Now()}:
	default:
		p.discard(c)
	}
}

func (p *Provider) discard(c *gosmtp.Client) { _ = p.client.CloseWithSMTPClient(c) }

// Close closes the idle connections.
func (p *Provider) Close() error {
	for {
		select {
		case ic := <-p.idle:
			p.discard(ic.c)
		default:
			return nil
		}
	}
}

func isConnCheck(err error) bool {
	var se *gomail.SendError
	return errors.As(err, &se) && se.Reason == gomail.ErrConnCheck
}

// classify maps SMTP replies to failure classes: 4xx is transient, 5xx
// permanent (5.1.x on RCPT is a bad address, 530/534/535 refused
// credentials); anything without a reply (network, TLS) is transient.
func (p *Provider) classify(err error) *providers.Error {
	e := &providers.Error{Class: providers.Transient, Err: fmt.Errorf("smtp: %w", err)}
	code, enhanced := 0, ""
	var (
		se *gomail.SendError
		te *textproto.Error
	)
	if errors.As(err, &te) {
		code = te.Code
	}
	if errors.As(err, &se) {
		if c := se.ErrorCode(); c != 0 {
			code = c
		}
		enhanced = se.EnhancedStatusCode()
	}
	e.StatusCode, e.Code = code, enhanced
	switch {
	case code >= 500:
		e.Class = providers.Permanent
		switch {
		case code == 530 || code == 534 || code == 535 || code == 538:
			e.ProviderFault = true
		case se != nil && se.Reason == gomail.ErrSMTPRcptTo && (code == 550 || code == 551 || code == 553 || strings.HasPrefix(enhanced, "5.1.")):
			e.BadAddress = true
		}
	case code >= 400:
		e.Class = providers.Transient
	case strings.Contains(err.Error(), "does not support STARTTLS") || strings.Contains(err.Error(), "does not support SMTP AUTH"):
		// The server cannot protect or authenticate the session: a
		// configuration problem, which another provider may not have.
		e.Class, e.ProviderFault = providers.Permanent, true
	}
	return p.secrets.RedactError(e)
}
