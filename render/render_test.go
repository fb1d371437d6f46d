package render_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

func TestRenderEmailEscapesHTMLOnly(t *testing.T) {
	t.Parallel()
	r := render.New()
	tpl := store.Templates{Email: &store.EmailTemplate{
		Subject: "Hi {{.name}}",
		Body:    "Hello {{.name}}",
		HTML:    "<p>Hello {{.name}}</p>",
	}}
	data := map[string]any{"name": `<script>alert("x")</script>`}
	c, err := r.Render(store.ChannelEmail, tpl, data, nil)
	require.NoError(t, err)
	require.Equal(t, `Hi <script>alert("x")</script>`, c.Subject, "plain text is not HTML-escaped")
	require.Equal(t, `<p>Hello &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>`, c.HTML)
}

func TestRenderMissingKeyIsAnError(t *testing.T) {
	t.Parallel()
	r := render.New()
	tpl := store.Templates{SMS: &store.SMSTemplate{Body: "Code {{.code}} for {{.user.name}}"}}

	_, err := r.Render(store.ChannelSMS, tpl, map[string]any{"code": "42"}, nil)
	var rerr *render.Error
	require.ErrorAs(t, err, &rerr)
	require.Equal(t, "templates.sms.body", rerr.Field)
	require.NotContains(t, err.Error(), "<no value>")

	c, err := r.Render(store.ChannelSMS, tpl, map[string]any{"code": "42", "user": map[string]any{"name": "Ada"}}, nil)
	require.NoError(t, err)
	require.Equal(t, "Code 42 for Ada", c.Body)
}

func TestRenderWebhookCarriesData(t *testing.T) {
	t.Parallel()
	r := render.New()
	raw := json.RawMessage(`{"order":7}`)
	c, err := r.Render(store.ChannelWebhook, store.Templates{}, map[string]any{"order": 7.0}, raw)
	require.NoError(t, err)
	require.JSONEq(t, `{"order":7}`, string(c.Data))
	require.Empty(t, c.Body)

	_, err = r.Render(store.ChannelPush, store.Templates{}, nil, nil)
	require.ErrorIs(t, err, render.ErrNoTemplate)
}

func TestCheckNamesField(t *testing.T) {
	t.Parallel()
	r := render.New()
	err := r.Check("messageType.templates", []store.Channel{store.ChannelInApp}, store.Templates{InApp: &store.InAppTemplate{Title: "ok", Body: "{{.broken"}})
	var rerr *render.Error
	require.ErrorAs(t, err, &rerr)
	require.Equal(t, "messageType.templates.inApp.body", rerr.Field)
}

func TestRenderOutputIsBounded(t *testing.T) {
	t.Parallel()
	r := render.New()
	tpl := store.Templates{SMS: &store.SMSTemplate{Body: `{{range .items}}{{$.big}}{{end}}`}}
	items := make([]any, 2000)
	_, err := r.Render(store.ChannelSMS, tpl, map[string]any{"items": items, "big": strings.Repeat("x", 1000)}, nil)
	require.Error(t, err)
	require.Contains(t, err.Error(), "output longer than")
}

// BenchmarkRender renders an email (text and HTML) and a push message per
// iteration, templates parsed once and cached, as fan-out does.
func BenchmarkRender(b *testing.B) {
	r := render.New()
	tpl := store.Templates{
		Email: &store.EmailTemplate{Subject: "Order {{.order}} shipped", Body: "Hi {{.recipient.id}}, order {{.order}} is on its way.",
			HTML: "<p>Hi <b>{{.recipient.id}}</b>, order {{.order}} ({{len .items}} items) is on its way.</p>"},
		Push: &store.PushTemplate{Title: "Shipped", Body: "Order {{.order}}"},
	}
	data := map[string]any{"order": "A-17", "items": []any{"a", "b"}, "recipient": map[string]any{"id": "u1"}}
	raw := json.RawMessage(`{"order":"A-17"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(store.ChannelEmail, tpl, data, raw); err != nil {
			b.Fatal(err)
		}
		if _, err := r.Render(store.ChannelPush, tpl, data, raw); err != nil {
			b.Fatal(err)
		}
	}
}
