// Package wire converts between the herald.v1 contract and Herald's domain
// rows. The API's enums and the store's names line up by index:
// store.Channels[i] is enum value i+1, and so on; wire_test.go checks that
// the names agree.
package wire

import (
	"encoding/json"
	"strconv"
	"time"

	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/store"
)

func ChannelToProto(c store.Channel) heraldv1.Channel {
	for i, s := range store.Channels {
		if s == c {
			return heraldv1.Channel(i + 1)
		}
	}
	return heraldv1.Channel_CHANNEL_UNSPECIFIED
}

func ChannelFromProto(c heraldv1.Channel) store.Channel {
	if i := int(c) - 1; i >= 0 && i < len(store.Channels) {
		return store.Channels[i]
	}
	return ""
}

func PriorityToProto(p store.Priority) heraldv1.Priority {
	for i, s := range store.Priorities {
		if s == p {
			return heraldv1.Priority(i + 1)
		}
	}
	return heraldv1.Priority_PRIORITY_UNSPECIFIED
}

func DeliveryStatusToProto(s store.DeliveryStatus) heraldv1.DeliveryStatus {
	for i, v := range store.DeliveryStatuses {
		if v == s {
			return heraldv1.DeliveryStatus(i + 1)
		}
	}
	return heraldv1.DeliveryStatus_DELIVERY_STATUS_UNSPECIFIED
}

func DeliveryStatusFromProto(s heraldv1.DeliveryStatus) store.DeliveryStatus {
	if i := int(s) - 1; i >= 0 && i < len(store.DeliveryStatuses) {
		return store.DeliveryStatuses[i]
	}
	return ""
}

var notificationStatuses = []store.NotificationStatus{
	store.NotificationAccepted, store.NotificationScheduled, store.NotificationProcessing,
	store.NotificationCompleted, store.NotificationCanceled,
}

func NotificationStatusToProto(s store.NotificationStatus) heraldv1.NotificationStatus {
	for i, v := range notificationStatuses {
		if v == s {
			return heraldv1.NotificationStatus(i + 1)
		}
	}
	return heraldv1.NotificationStatus_NOTIFICATION_STATUS_UNSPECIFIED
}

func NotificationStatusFromProto(s heraldv1.NotificationStatus) store.NotificationStatus {
	if i := int(s) - 1; i >= 0 && i < len(notificationStatuses) {
		return notificationStatuses[i]
	}
	return ""
}

func Timestamp(t *time.Time) *timestamppb.Timestamp {
	if t == nil || t.IsZero() {
		return nil
	}
	return timestamppb.New(*t)
}

func StructFromJSON(raw json.RawMessage) *structpb.Struct {
	if len(raw) == 0 {
		return nil
	}
	s := &structpb.Struct{}
	if err := s.UnmarshalJSON(raw); err != nil {
		return nil
	}
	return s
}

func StructFromMap(m map[string]any) *structpb.Struct {
	if len(m) == 0 {
		return nil
	}
	s, err := structpb.NewStruct(m)
	if err != nil {
		return nil
	}
	return s
}

func RecipientToProto(r *store.Recipient) *heraldv1.Recipient {
	out := &heraldv1.Recipient{
		Id: r.ID, Email: r.Email, Phone: r.Phone, Timezone: r.Timezone, Locale: r.Locale,
		WebhookUrl: r.WebhookURL, SlackWebhookUrl: r.SlackWebhookURL, Attributes: StructFromMap(r.Attributes),
		CreateTime: timestamppb.New(r.CreatedAt), UpdateTime: timestamppb.New(r.UpdatedAt),
	}
	for _, t := range r.PushTokens {
		p := heraldv1.PushPlatform_PUSH_PLATFORM_FCM
		if t.Platform == "apns" {
			p = heraldv1.PushPlatform_PUSH_PLATFORM_APNS
		}
		out.PushTokens = append(out.PushTokens, &heraldv1.PushToken{Token: t.Token, Platform: p, DeviceId: t.DeviceID})
	}
	return out
}

func RecipientFromProto(r *heraldv1.Recipient) *store.Recipient {
	out := &store.Recipient{
		ID: r.GetId(), Email: r.GetEmail(), Phone: r.GetPhone(), Timezone: r.GetTimezone(), Locale: r.GetLocale(),
		WebhookURL: r.GetWebhookUrl(), SlackWebhookURL: r.GetSlackWebhookUrl(), Attributes: r.GetAttributes().AsMap(),
	}
	for _, t := range r.GetPushTokens() {
		p := "fcm"
		if t.GetPlatform() == heraldv1.PushPlatform_PUSH_PLATFORM_APNS {
			p = "apns"
		}
		out.PushTokens = append(out.PushTokens, store.PushToken{Token: t.GetToken(), Platform: p, DeviceID: t.GetDeviceId()})
	}
	return out
}

func TemplatesToProto(t *store.Templates) *heraldv1.Templates {
	if t == nil {
		return nil
	}
	out := &heraldv1.Templates{}
	if e := t.Email; e != nil {
		out.Email = &heraldv1.EmailTemplate{Subject: e.Subject, Body: e.Body, Html: e.HTML}
	}
	if s := t.SMS; s != nil {
		out.Sms = &heraldv1.SmsTemplate{Body: s.Body}
	}
	if p := t.Push; p != nil {
		out.Push = &heraldv1.PushTemplate{Title: p.Title, Body: p.Body, Link: p.Link}
	}
	if w := t.Webhook; w != nil {
		out.Webhook = &heraldv1.WebhookTemplate{Body: w.Body}
	}
	if i := t.InApp; i != nil {
		out.InApp = &heraldv1.InAppTemplate{Title: i.Title, Body: i.Body, Link: i.Link}
	}
	if s := t.Slack; s != nil {
		out.Slack = &heraldv1.SlackTemplate{Text: s.Text}
	}
	return out
}

func TemplatesFromProto(t *heraldv1.Templates) store.Templates {
	var out store.Templates
	if e := t.GetEmail(); e != nil {
		out.Email = &store.EmailTemplate{Subject: e.GetSubject(), Body: e.GetBody(), HTML: e.GetHtml()}
	}
	if s := t.GetSms(); s != nil {
		out.SMS = &store.SMSTemplate{Body: s.GetBody()}
	}
	if p := t.GetPush(); p != nil {
		out.Push = &store.PushTemplate{Title: p.GetTitle(), Body: p.GetBody(), Link: p.GetLink()}
	}
	if w := t.GetWebhook(); w != nil {
		out.Webhook = &store.WebhookTemplate{Body: w.GetBody()}
	}
	if i := t.GetInApp(); i != nil {
		out.InApp = &store.InAppTemplate{Title: i.GetTitle(), Body: i.GetBody(), Link: i.GetLink()}
	}
	if s := t.GetSlack(); s != nil {
		out.Slack = &store.SlackTemplate{Text: s.GetText()}
	}
	return out
}

func MessageTypeToProto(mt *store.MessageType) *heraldv1.MessageType {
	out := &heraldv1.MessageType{
		Key: mt.Key, Category: mt.Category, Priority: PriorityToProto(mt.Priority), Templates: TemplatesToProto(&mt.Templates),
		Critical: mt.Critical, Digestible: mt.Digestible, DigestTemplates: TemplatesToProto(mt.DigestTemplates),
		Description: mt.Description, Version: int32(mt.Version), CreateTime: timestamppb.New(mt.CreatedAt),
		MaxAttempts: int32(mt.MaxAttempts),
	}
	for _, c := range mt.Channels {
		out.Channels = append(out.Channels, ChannelToProto(c))
	}
	if mt.TTL > 0 {
		out.Ttl = durationpb.New(mt.TTL)
	}
	if rl := mt.RateLimit; rl != nil {
		out.RateLimit = &heraldv1.RateLimit{Count: int32(rl.Count), Per: durationpb.New(rl.Per)}
		if rl.ByCategory {
			out.RateLimit.Scope = heraldv1.RateLimitScope_RATE_LIMIT_SCOPE_CATEGORY
		}
		if rl.Delay {
			out.RateLimit.Action = heraldv1.RateLimitAction_RATE_LIMIT_ACTION_DELAY
		}
	}
	out.Locales = templatesMapToProto(mt.Locales)
	if mt.DedupeWindow > 0 {
		out.DedupeWindow = durationpb.New(mt.DedupeWindow)
	}
	out.Variants = templatesMapToProto(mt.Variants)
	if t := mt.Tracking; t != nil && (t.Opens || t.Clicks) {
		out.Tracking = &heraldv1.Tracking{Opens: t.Opens, Clicks: t.Clicks}
	}
	return out
}

func templatesMapToProto(m map[string]store.Templates) map[string]*heraldv1.Templates {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]*heraldv1.Templates, len(m))
	for k, t := range m {
		out[k] = TemplatesToProto(&t)
	}
	return out
}

func templatesMapFromProto(m map[string]*heraldv1.Templates) map[string]store.Templates {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]store.Templates, len(m))
	for k, t := range m {
		out[k] = TemplatesFromProto(t)
	}
	return out
}

func MessageTypeSpecFromProto(mt *heraldv1.MessageType) store.MessageTypeSpec {
	spec := store.MessageTypeSpec{
		Category: mt.GetCategory(), Priority: PriorityFromProto(mt.GetPriority()),
		Templates: TemplatesFromProto(mt.GetTemplates()), Critical: mt.GetCritical(), Digestible: mt.GetDigestible(),
		Description: mt.GetDescription(), MaxAttempts: int(mt.GetMaxAttempts()),
	}
	if spec.Priority == "" {
		spec.Priority = store.PriorityNormal
	}
	for _, c := range mt.GetChannels() {
		spec.Channels = append(spec.Channels, ChannelFromProto(c))
	}
	if mt.GetTtl() != nil {
		spec.TTL = mt.GetTtl().AsDuration()
	}
	if mt.GetDigestTemplates() != nil {
		t := TemplatesFromProto(mt.GetDigestTemplates())
		spec.DigestTemplates = &t
	}
	if rl := mt.GetRateLimit(); rl != nil {
		spec.RateLimit = &store.RateLimit{
			Count: int(rl.GetCount()), Per: rl.GetPer().AsDuration(),
			ByCategory: rl.GetScope() == heraldv1.RateLimitScope_RATE_LIMIT_SCOPE_CATEGORY,
			Delay:      rl.GetAction() == heraldv1.RateLimitAction_RATE_LIMIT_ACTION_DELAY,
		}
	}
	spec.Locales = templatesMapFromProto(mt.GetLocales())
	spec.Variants = templatesMapFromProto(mt.GetVariants())
	if t := mt.GetTracking(); t.GetOpens() || t.GetClicks() {
		spec.Tracking = &store.Tracking{Opens: t.GetOpens(), Clicks: t.GetClicks()}
	}
	if mt.GetDedupeWindow() != nil {
		spec.DedupeWindow = mt.GetDedupeWindow().AsDuration()
	}
	return spec
}

func NotificationToProto(n *store.Notification) *heraldv1.Notification {
	return &heraldv1.Notification{
		Id: n.ID.String(), MessageType: n.MessageType, MessageTypeVersion: int32(n.MessageTypeVersion),
		RecipientIds: n.RecipientIDs, Data: StructFromJSON(n.Data), IdempotencyKey: n.IdempotencyKey,
		Status: NotificationStatusToProto(n.Status), Priority: PriorityToProto(n.Priority),
		CreateTime: timestamppb.New(n.CreatedAt), SendAt: Timestamp(n.SendAt),
		CancelTime: Timestamp(n.CanceledAt), CanceledBy: n.CanceledBy, DedupeKey: n.DedupeKey, Topic: n.Topic,
	}
}

func DeliveryToProto(d *store.Delivery) *heraldv1.Delivery {
	return &heraldv1.Delivery{
		Id: d.ID.String(), RecipientId: d.RecipientID, Channel: ChannelToProto(d.Channel),
		Status: DeliveryStatusToProto(d.Status), Attempts: int32(d.Attempts), Reason: d.Reason,
		Provider: d.Provider, Variant: d.Variant, LastError: d.LastError,
		CreateTime: timestamppb.New(d.CreatedAt), UpdateTime: timestamppb.New(d.UpdatedAt),
		ScheduledTime: Timestamp(d.ScheduledAt), MessageTypeVersion: int32(d.MessageTypeVersion),
	}
}

func EventToProto(e *store.Event) *heraldv1.DeliveryEvent {
	out := &heraldv1.DeliveryEvent{
		Id: strconv.FormatInt(e.ID, 10), Type: e.Type, Time: timestamppb.New(e.CreatedAt), Status: DeliveryStatusToProto(e.Status),
		Reason: e.Reason, Attempt: int32(e.Attempt), Provider: e.Provider, ResponseCode: int32(e.ResponseCode),
		Message: e.Message, Details: StructFromMap(e.Details),
	}
	if e.Latency > 0 {
		out.Latency = durationpb.New(e.Latency)
	}
	return out
}

// PriorityFromProto converts an API priority, returning "" for unspecified.
func PriorityFromProto(p heraldv1.Priority) store.Priority {
	if i := int(p) - 1; i >= 0 && i < len(store.Priorities) {
		return store.Priorities[i]
	}
	return ""
}

var digestCadences = []string{store.DigestImmediate, store.DigestDaily, store.DigestWeekly}

// PreferencesToProto converts stored preferences.
func PreferencesToProto(p *store.Preferences) *heraldv1.Preferences {
	out := &heraldv1.Preferences{MuteUntil: Timestamp(p.MuteUntil)}
	for _, r := range p.Rules {
		out.Rules = append(out.Rules, &heraldv1.PreferenceRule{
			Category: r.Category, MessageType: r.MessageType, Channel: ChannelToProto(r.Channel), Enabled: r.Enabled,
		})
	}
	if p.QuietStart != "" || p.QuietEnd != "" {
		out.QuietHours = &heraldv1.QuietHours{Start: p.QuietStart, End: p.QuietEnd}
	}
	if p.Digest.Cadence != "" {
		d := &heraldv1.DigestSettings{Weekday: int32(p.Digest.Weekday), Hour: int32(p.Digest.Hour)}
		for i, c := range digestCadences {
			if c == p.Digest.Cadence {
				d.Cadence = heraldv1.DigestCadence(i + 1)
			}
		}
		out.Digest = d
	}
	return out
}

// PreferencesFromProto converts API preferences for a recipient (or
// store.TenantDefaults).
func PreferencesFromProto(p *heraldv1.Preferences) *store.Preferences {
	out := &store.Preferences{
		QuietStart: p.GetQuietHours().GetStart(), QuietEnd: p.GetQuietHours().GetEnd(),
	}
	if p.GetMuteUntil() != nil {
		t := p.GetMuteUntil().AsTime()
		out.MuteUntil = &t
	}
	for _, r := range p.GetRules() {
		out.Rules = append(out.Rules, store.PreferenceRule{
			Category: r.GetCategory(), MessageType: r.GetMessageType(), Channel: ChannelFromProto(r.GetChannel()), Enabled: r.GetEnabled(),
		})
	}
	if d := p.GetDigest(); d != nil {
		if i := int(d.GetCadence()) - 1; i >= 0 && i < len(digestCadences) {
			out.Digest.Cadence = digestCadences[i]
		}
		out.Digest.Weekday, out.Digest.Hour = int(d.GetWeekday()), int(d.GetHour())
	}
	return out
}
