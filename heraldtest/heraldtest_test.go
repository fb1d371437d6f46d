package heraldtest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/heraldtest"
	"github.com/heraldhq/herald/store"
)

func data(t *testing.T, m map[string]any) *structpb.Struct {
	s, err := structpb.NewStruct(m)
	require.NoError(t, err)
	return s
}

func push(id string) *heraldv1.Recipient {
	return &heraldv1.Recipient{Id: id, Email: id + "@example.com",
		PushTokens: []*heraldv1.PushToken{{Token: "tok-" + id, Platform: heraldv1.PushPlatform_PUSH_PLATFORM_FCM}}}
}

// The Whatnot example: an application test asserting the rendered push.
func TestNewFollower(t *testing.T) {
	t.Parallel()
	h := heraldtest.New(t, nil)
	h.MessageType(&heraldv1.MessageType{
		Key: "new.follower", Category: "social", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_PUSH},
		Templates: &heraldv1.Templates{Push: &heraldv1.PushTemplate{Title: "New follower", Body: "Hi {{.followee}}! {{.follower}} started following you."}},
	})
	h.Recipient(push("bar"))
	h.Recipient(push("baz"))
	h.Preferences("baz", &heraldv1.Preferences{Rules: []*heraldv1.PreferenceRule{{Category: "social", Enabled: false}}})

	h.Send(&heraldv1.SendRequest{MessageType: "new.follower", RecipientIds: []string{"bar", "baz"},
		Data: data(t, map[string]any{"follower": "Foo", "followee": "Bar"})})

	h.SentPush("bar", "Hi Bar! Foo started following you.")
	h.Suppressed("baz", "opted_out")
}

// TestChecksOfIssue4 is the issue's check, through the pipeline: a marketing
// email opt-out keeps the push, the fourth marketing push of a day is rate
// limited, and a critical alert reaches a muted user.
func TestChecksOfIssue4(t *testing.T) {
	t.Parallel()
	h := heraldtest.New(t, nil)
	h.MessageType(&heraldv1.MessageType{
		Key: "promo", Category: "marketing",
		Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_EMAIL, heraldv1.Channel_CHANNEL_PUSH},
		Templates: &heraldv1.Templates{
			Email: &heraldv1.EmailTemplate{Subject: "Deal: {{.deal}}", Body: "{{.deal}}"},
			Push:  &heraldv1.PushTemplate{Title: "Deal", Body: "{{.deal}}"},
		},
		RateLimit: &heraldv1.RateLimit{Count: 3, Per: durationpb.New(24 * time.Hour), Scope: heraldv1.RateLimitScope_RATE_LIMIT_SCOPE_CATEGORY},
	})
	h.MessageType(&heraldv1.MessageType{
		Key: "security.alert", Category: "security", Critical: true, Priority: heraldv1.Priority_PRIORITY_CRITICAL,
		Channels:  []heraldv1.Channel{heraldv1.Channel_CHANNEL_EMAIL, heraldv1.Channel_CHANNEL_PUSH},
		Templates: &heraldv1.Templates{Email: &heraldv1.EmailTemplate{Subject: "Sign-in from {{.city}}", Body: "b"}, Push: &heraldv1.PushTemplate{Title: "t", Body: "Sign-in from {{.city}}"}},
	})
	h.Recipient(push("ada"))
	h.Preferences("ada", &heraldv1.Preferences{Rules: []*heraldv1.PreferenceRule{
		{Category: "marketing", Channel: heraldv1.Channel_CHANNEL_EMAIL, Enabled: false},
	}})

	for i := 1; i <= 4; i++ {
		h.Send(&heraldv1.SendRequest{MessageType: "promo", RecipientIds: []string{"ada"}, Data: data(t, map[string]any{"deal": i})})
	}
	var pushes, limited, optedOut int
	for _, m := range h.Messages("ada") {
		switch {
		case m.Channel == store.ChannelPush && m.Sent():
			pushes++
		case m.Channel == store.ChannelPush && m.Reason == "rate_limited":
			limited++
		case m.Channel == store.ChannelEmail && m.Reason == "opted_out":
			optedOut++
		}
	}
	require.Equal(t, 3, pushes)
	require.Equal(t, 1, limited, "the 4th marketing push of the day")
	require.Equal(t, 4, optedOut, "no marketing email")
	h.SentPush("ada", "1")

	h.Preferences("ada", &heraldv1.Preferences{MuteUntil: timestamppb.New(time.Now().Add(time.Hour))})
	h.Send(&heraldv1.SendRequest{MessageType: "security.alert", RecipientIds: []string{"ada"}, Data: data(t, map[string]any{"city": "Lyon"})})
	h.SentPush("ada", "Sign-in from Lyon")
	h.SentEmail("ada", "Sign-in from Lyon")
}

func TestHostileDataIsEscapedInHTML(t *testing.T) {
	t.Parallel()
	h := heraldtest.New(t, nil)
	h.MessageType(&heraldv1.MessageType{
		Key: "comment", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_EMAIL},
		Templates: &heraldv1.Templates{Email: &heraldv1.EmailTemplate{Subject: "{{.who}} commented", Body: "{{.text}}", Html: `<p>{{.text}}</p><a href="{{.link}}">open</a>`}},
	})
	h.Recipient(push("ada"))
	h.Send(&heraldv1.SendRequest{MessageType: "comment", RecipientIds: []string{"ada"}, Data: data(t, map[string]any{
		"who": "mallory", "text": `<img src=x onerror="alert(1)">`, "link": `javascript:alert(1)`,
	})})
	ms := h.Messages("ada")
	require.Len(t, ms, 1)
	require.Equal(t, `<p>&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</p><a href="#ZgotmplZ">open</a>`, ms[0].HTML)
	require.Equal(t, `<img src=x onerror="alert(1)">`, ms[0].Body, "the text part is not HTML")
}

func TestLocaleVariants(t *testing.T) {
	t.Parallel()
	h := heraldtest.New(t, nil)
	h.MessageType(&heraldv1.MessageType{
		Key: "welcome", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_PUSH, heraldv1.Channel_CHANNEL_EMAIL},
		Templates: &heraldv1.Templates{Push: &heraldv1.PushTemplate{Title: "Welcome", Body: "Welcome {{.name}}"}, Email: &heraldv1.EmailTemplate{Subject: "Welcome", Body: "b"}},
		Locales:   map[string]*heraldv1.Templates{"fr": {Push: &heraldv1.PushTemplate{Title: "Bienvenue", Body: "Bienvenue {{.name}}"}}},
	})
	for id, locale := range map[string]string{"amelie": "fr-CA", "bob": "en-US", "chloe": ""} {
		r := push(id)
		r.Locale = locale
		h.Recipient(r)
	}
	h.Send(&heraldv1.SendRequest{MessageType: "welcome", RecipientIds: []string{"amelie", "bob", "chloe"}, Data: data(t, map[string]any{"name": "X"})})
	h.SentPush("amelie", "Bienvenue X")
	h.SentEmail("amelie", "Welcome") // no French email: the default
	h.SentPush("bob", "Welcome X")
	h.SentPush("chloe", "Welcome X")
}
