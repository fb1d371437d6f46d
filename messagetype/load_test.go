package messagetype_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/messagetype"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

const valid = `tenant: acme
messageTypes:
  - key: security.alert
    category: transactional
    priority: critical
    critical: true
    channels: [email, push, in_app]
    ttl: 1h
    templates:
      email:
        subject: "New sign-in from {{.city}}"
        body: "Was it you?"
        html: "<p>Sign-in from <b>{{.city}}</b></p>"
      push: {title: "New sign-in", body: "{{.city}}", link: "app://security"}
      inApp: {title: "New sign-in", body: "{{.city}}"}
    locales:
      fr:
        push: {title: "Nouvelle connexion", body: "{{.city}}"}
  - key: promo.weekly
    category: marketing
    priority: PRIORITY_BULK
    channels: [CHANNEL_PUSH]
    templates:
      push: {title: "Deals", body: "{{.deal}}"}
    rate_limit: {count: 3, per: 24h, scope: category, action: delay}
    dedupeWindow: 30m
    tracking: {opens: true, clicks: true}
`

func TestParseValidFile(t *testing.T) {
	t.Parallel()
	defs, err := messagetype.Parse("types.yaml", []byte(valid), render.New())
	require.NoError(t, err)
	require.Len(t, defs, 2)

	alert := defs[0]
	require.Equal(t, "acme", alert.Tenant)
	require.Equal(t, "security.alert", alert.Key)
	require.Equal(t, 3, alert.Line)
	require.Equal(t, store.PriorityCritical, alert.Spec.Priority)
	require.True(t, alert.Spec.Critical)
	require.Equal(t, []store.Channel{store.ChannelEmail, store.ChannelPush, store.ChannelInApp}, alert.Spec.Channels)
	require.Equal(t, time.Hour, alert.Spec.TTL)
	require.Equal(t, "Nouvelle connexion", alert.Spec.Locales["fr"].Push.Title)
	require.Nil(t, alert.Spec.Tracking, "tracking is off unless asked for")
	require.False(t, alert.Spec.TracksOpens())

	promo := defs[1]
	require.Equal(t, store.PriorityBulk, promo.Spec.Priority)
	require.Equal(t, &store.RateLimit{Count: 3, Per: 24 * time.Hour, ByCategory: true, Delay: true}, promo.Spec.RateLimit)
	require.Equal(t, 30*time.Minute, promo.Spec.DedupeWindow)
	require.Equal(t, &store.Tracking{Opens: true, Clicks: true}, promo.Spec.Tracking, "tracking from the file")
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, yaml, want string
	}{
		{"broken template", `messageTypes:
  - key: a
    channels: [sms]
    templates:
      sms:
        body: "{{.oops"
`, `bad.yaml:6: message type a: templates.sms.body:`},
		{"missing template", `messageTypes:
  - key: b
    channels: [email, sms]
    templates:
      sms: {body: hi}
`, `bad.yaml:4: message type b: templates.email: a template is required`},
		{"unknown field", `messageTypes:
  - key: c
    channels: [sms]
    colour: blue
    templates: {sms: {body: hi}}
`, `bad.yaml:4: message type c: `},
		{"bad channel", `messageTypes:
  - key: d
    channels: [pigeon]
    templates: {sms: {body: hi}}
`, `bad.yaml:2: message type d: `},
		{"bad key", `messageTypes:
  - key: "Not A Key"
    channels: [sms]
    templates: {sms: {body: hi}}
`, "bad.yaml:2: message type Not A Key: key: does not match regex pattern"},
		{"bad duration", `messageTypes:
  - key: e
    channels: [sms]
    ttl: forever
    templates: {sms: {body: hi}}
`, `bad.yaml:4: message type e: ttl: "forever" is not a duration`},
		{"unknown top-level key", `messagetypes: []
owner: me
`, `bad.yaml:2: unknown key "owner"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := messagetype.Parse("bad.yaml", []byte(tc.yaml), render.New())
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestLoadDirReportsDuplicatesAcrossFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	one := "messageTypes:\n  - key: x\n    channels: [sms]\n    templates: {sms: {body: hi}}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(one), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yml"), []byte(one), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("ignored"), 0o600))

	defs, err := messagetype.LoadDir(dir, render.New())
	require.Error(t, err)
	require.Contains(t, err.Error(), `b.yml:2: message type "x" of tenant "default" is already declared at `)
	require.Len(t, defs, 1)
}
