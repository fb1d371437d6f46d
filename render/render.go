// Package render turns a message type's templates and a notification's data
// into the content of one channel's message.
//
// Templates are Go templates. A key missing from the data is an error, never
// "<no value>"; email HTML goes through html/template, so data is escaped.
// Parsed templates are cached by source, so rendering a batch parses each
// template once.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"

	"github.com/heraldhq/herald/store"
)

// MaxOutput bounds what one template may produce, so a runaway template
// cannot exhaust memory.
const MaxOutput = 1 << 20

// ErrNoTemplate is returned when the message type has no template for the
// channel.
var ErrNoTemplate = errors.New("render: no template for channel")

// Error is a template that failed to parse or execute, naming the field
// (templates.email.subject, ...).
type Error struct {
	Field string
	Err   error
}

func (e *Error) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Renderer renders templates. The zero value is not usable; call New.
type Renderer struct {
	mu    sync.RWMutex
	text  map[[32]byte]*texttemplate.Template
	html  map[[32]byte]*htmltemplate.Template
	limit int
}

// maxCached bounds each cache; past it the cache is reset, which only costs
// re-parsing.
const maxCached = 10_000

// New returns a Renderer with an empty cache.
func New() *Renderer {
	return &Renderer{
		text:  make(map[[32]byte]*texttemplate.Template),
		html:  make(map[[32]byte]*htmltemplate.Template),
		limit: MaxOutput,
	}
}

// Funcs are the functions templates may call besides the built-ins.
var Funcs = map[string]any{
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
	"trim":  strings.TrimSpace,
	"join": func(sep string, items []any) string {
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = fmt.Sprint(it)
		}
		return strings.Join(parts, sep)
	},
	// default returns def when v is missing or empty: {{ default "there" .name }}.
	"default": func(def, v any) any {
		if v == nil || v == "" {
			return def
		}
		return v
	},
	// time formats an RFC 3339 string with a Go layout: {{ time "Jan 2" .at }}.
	"time": func(layout, value string) (string, error) {
		t, err := time.Parse(time.RFC3339, value)
		if err != nil {
			return "", err
		}
		return t.Format(layout), nil
	},
	"json": func(v any) (string, error) {
		b, err := json.Marshal(v)
		return string(b), err
	},
}

// Field is one template source and its name in the API.
type Field struct {
	Name   string // e.g. "templates.email.subject"
	Source string
	HTML   bool
}

// Fields lists the template sources of one channel, named prefix.channel.field.
func Fields(prefix string, channel store.Channel, t store.Templates) ([]Field, error) {
	f := func(field, src string) Field {
		return Field{Name: prefix + "." + channelField(channel) + "." + field, Source: src}
	}
	switch channel {
	case store.ChannelEmail:
		if t.Email == nil {
			return nil, ErrNoTemplate
		}
		h := f("html", t.Email.HTML)
		h.HTML = true
		return []Field{f("subject", t.Email.Subject), f("body", t.Email.Body), h}, nil
	case store.ChannelSMS:
		if t.SMS == nil {
			return nil, ErrNoTemplate
		}
		return []Field{f("body", t.SMS.Body)}, nil
	case store.ChannelPush:
		if t.Push == nil {
			return nil, ErrNoTemplate
		}
		return []Field{f("title", t.Push.Title), f("body", t.Push.Body), f("link", t.Push.Link)}, nil
	case store.ChannelWebhook:
		if t.Webhook == nil {
			return nil, nil // the payload carries the data; a body is optional
		}
		return []Field{f("body", t.Webhook.Body)}, nil
	case store.ChannelInApp:
		if t.InApp == nil {
			return nil, ErrNoTemplate
		}
		return []Field{f("title", t.InApp.Title), f("body", t.InApp.Body), f("link", t.InApp.Link)}, nil
	case store.ChannelSlack:
		if t.Slack == nil {
			return nil, ErrNoTemplate
		}
		return []Field{f("text", t.Slack.Text)}, nil
	}
	return nil, fmt.Errorf("render: unknown channel %q", channel)
}

func channelField(c store.Channel) string {
	if c == store.ChannelInApp {
		return "inApp"
	}
	return string(c)
}

// Check parses every template of the channels, without executing them, and
// returns the first error naming its field.
func (r *Renderer) Check(prefix string, channels []store.Channel, t store.Templates) error {
	for _, c := range channels {
		fields, err := Fields(prefix, c, t)
		if err != nil {
			return &Error{Field: prefix + "." + channelField(c), Err: err}
		}
		for _, f := range fields {
			if f.HTML {
				_, err = r.parseHTML(f.Source)
			} else {
				_, err = r.parseText(f.Source)
			}
			if err != nil {
				return &Error{Field: f.Name, Err: err}
			}
		}
	}
	return nil
}

// Render renders channel's templates with data. raw is the data as JSON,
// carried into the content of channels whose payload includes it.
func (r *Renderer) Render(channel store.Channel, t store.Templates, data map[string]any, raw json.RawMessage) (*store.Content, error) {
	fields, err := Fields("templates", channel, t)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(fields))
	for i, f := range fields {
		if f.Source == "" {
			continue
		}
		s, err := r.execute(f, data)
		if err != nil {
			return nil, &Error{Field: f.Name, Err: err}
		}
		out[i] = s
	}
	c := &store.Content{}
	switch channel {
	case store.ChannelEmail:
		c.Subject, c.Body, c.HTML = out[0], out[1], out[2]
	case store.ChannelSMS:
		c.Body = out[0]
	case store.ChannelPush, store.ChannelInApp:
		c.Title, c.Body, c.Link = out[0], out[1], out[2]
	case store.ChannelWebhook:
		if len(out) > 0 {
			c.Body = out[0]
		}
		c.Data = raw
	case store.ChannelSlack:
		c.Body = out[0]
	}
	return c, nil
}

func (r *Renderer) execute(f Field, data map[string]any) (string, error) {
	var buf bytes.Buffer
	w := &limitWriter{w: &buf, n: r.limit}
	if f.HTML {
		t, err := r.parseHTML(f.Source)
		if err != nil {
			return "", err
		}
		err = t.Execute(w, data)
		return buf.String(), err
	}
	t, err := r.parseText(f.Source)
	if err != nil {
		return "", err
	}
	err = t.Execute(w, data)
	return buf.String(), err
}

func (r *Renderer) parseText(src string) (*texttemplate.Template, error) {
	return cached(&r.mu, r.text, src, func(src string) (*texttemplate.Template, error) {
		return texttemplate.New("").Option("missingkey=error").Funcs(Funcs).Parse(src)
	})
}

func (r *Renderer) parseHTML(src string) (*htmltemplate.Template, error) {
	return cached(&r.mu, r.html, src, func(src string) (*htmltemplate.Template, error) {
		return htmltemplate.New("").Option("missingkey=error").Funcs(Funcs).Parse(src)
	})
}

// cached returns the parsed template for src from cache, parsing it on a
// miss.
func cached[T any](mu *sync.RWMutex, cache map[[32]byte]T, src string, parse func(string) (T, error)) (T, error) {
	key := sha256.Sum256([]byte(src))
	mu.RLock()
	t, ok := cache[key]
	mu.RUnlock()
	if ok {
		return t, nil
	}
	t, err := parse(src)
	if err != nil {
		return t, err
	}
	mu.Lock()
	if len(cache) >= maxCached {
		clear(cache)
	}
	cache[key] = t
	mu.Unlock()
	return t, nil
}

// errTooLong stops a template whose output passes MaxOutput.
var errTooLong = fmt.Errorf("render: output longer than %d bytes", MaxOutput)

type limitWriter struct {
	w io.Writer
	n int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if len(p) > l.n {
		return 0, errTooLong
	}
	l.n -= len(p)
	return l.w.Write(p)
}
