package server

import (
	"encoding/json"
	"time"

	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/heraldhq/herald/enqueue"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/store"
)

// The API's enums and the store's names line up by index: store.Channels[i]
// is enum value i+1, and so on. convert_test.go checks the names agree.

func channelToProto(c store.Channel) heraldv1.Channel {
	for i, s := range store.Channels {
		if s == c {
			return heraldv1.Channel(i + 1)
		}
	}
	return heraldv1.Channel_CHANNEL_UNSPECIFIED
}

func channelFromProto(c heraldv1.Channel) store.Channel {
	if i := int(c) - 1; i >= 0 && i < len(store.Channels) {
		return store.Channels[i]
	}
	return ""
}

func priorityToProto(p store.Priority) heraldv1.Priority {
	for i, s := range store.Priorities {
		if s == p {
			return heraldv1.Priority(i + 1)
		}
	}
	return heraldv1.Priority_PRIORITY_UNSPECIFIED
}

func deliveryStatusToProto(s store.DeliveryStatus) heraldv1.DeliveryStatus {
	for i, v := range store.DeliveryStatuses {
		if v == s {
			return heraldv1.DeliveryStatus(i + 1)
		}
	}
	return heraldv1.DeliveryStatus_DELIVERY_STATUS_UNSPECIFIED
}

func deliveryStatusFromProto(s heraldv1.DeliveryStatus) store.DeliveryStatus {
	if i := int(s) - 1; i >= 0 && i < len(store.DeliveryStatuses) {
		return store.DeliveryStatuses[i]
	}
	return ""
}

var notificationStatuses = []store.NotificationStatus{
	store.NotificationAccepted, store.NotificationScheduled, store.NotificationProcessing,
	store.NotificationCompleted, store.NotificationCanceled,
}

func notificationStatusToProto(s store.NotificationStatus) heraldv1.NotificationStatus {
	for i, v := range notificationStatuses {
		if v == s {
			return heraldv1.NotificationStatus(i + 1)
		}
	}
	return heraldv1.NotificationStatus_NOTIFICATION_STATUS_UNSPECIFIED
}

func notificationStatusFromProto(s heraldv1.NotificationStatus) store.NotificationStatus {
	if i := int(s) - 1; i >= 0 && i < len(notificationStatuses) {
		return notificationStatuses[i]
	}
	return ""
}

func timestampOrNil(t *time.Time) *timestamppb.Timestamp {
	if t == nil || t.IsZero() {
		return nil
	}
	return timestamppb.New(*t)
}

func structFromJSON(raw json.RawMessage) *structpb.Struct {
	if len(raw) == 0 {
		return nil
	}
	s := &structpb.Struct{}
	if err := s.UnmarshalJSON(raw); err != nil {
		return nil
	}
	return s
}

func structFromMap(m map[string]any) *structpb.Struct {
	if len(m) == 0 {
		return nil
	}
	s, err := structpb.NewStruct(m)
	if err != nil {
		return nil
	}
	return s
}

func recipientToProto(r *store.Recipient) *heraldv1.Recipient {
	out := &heraldv1.Recipient{
		Id: r.ID, Email: r.Email, Phone: r.Phone, Timezone: r.Timezone, Locale: r.Locale,
		WebhookUrl: r.WebhookURL, SlackWebhookUrl: r.SlackWebhookURL, Attributes: structFromMap(r.Attributes),
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

func recipientFromProto(r *heraldv1.Recipient) *store.Recipient {
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

func templatesToProto(t *store.Templates) *heraldv1.Templates {
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

func templatesFromProto(t *heraldv1.Templates) store.Templates {
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

func messageTypeToProto(mt *store.MessageType) *heraldv1.MessageType {
	out := &heraldv1.MessageType{
		Key: mt.Key, Category: mt.Category, Priority: priorityToProto(mt.Priority), Templates: templatesToProto(&mt.Templates),
		Critical: mt.Critical, Digestible: mt.Digestible, DigestTemplates: templatesToProto(mt.DigestTemplates),
		Description: mt.Description, Version: int32(mt.Version), CreateTime: timestamppb.New(mt.CreatedAt),
		MaxAttempts: int32(mt.MaxAttempts),
	}
	for _, c := range mt.Channels {
		out.Channels = append(out.Channels, channelToProto(c))
	}
	if mt.TTL > 0 {
		out.Ttl = durationpb.New(mt.TTL)
	}
	if rl := mt.RateLimit; rl != nil {
		out.RateLimit = &heraldv1.RateLimit{Count: int32(rl.Count), Per: durationpb.New(rl.Per)}
	}
	return out
}

func messageTypeSpecFromProto(mt *heraldv1.MessageType) store.MessageTypeSpec {
	spec := store.MessageTypeSpec{
		Category: mt.GetCategory(), Priority: enqueue.PriorityFromProto(mt.GetPriority()),
		Templates: templatesFromProto(mt.GetTemplates()), Critical: mt.GetCritical(), Digestible: mt.GetDigestible(),
		Description: mt.GetDescription(), MaxAttempts: int(mt.GetMaxAttempts()),
	}
	if spec.Priority == "" {
		spec.Priority = store.PriorityNormal
	}
	for _, c := range mt.GetChannels() {
		spec.Channels = append(spec.Channels, channelFromProto(c))
	}
	if mt.GetTtl() != nil {
		spec.TTL = mt.GetTtl().AsDuration()
	}
	if mt.GetDigestTemplates() != nil {
		t := templatesFromProto(mt.GetDigestTemplates())
		spec.DigestTemplates = &t
	}
	if rl := mt.GetRateLimit(); rl != nil {
		spec.RateLimit = &store.RateLimit{Count: int(rl.GetCount()), Per: rl.GetPer().AsDuration()}
	}
	return spec
}

func notificationToProto(n *store.Notification) *heraldv1.Notification {
	return &heraldv1.Notification{
		Id: n.ID.String(), MessageType: n.MessageType, MessageTypeVersion: int32(n.MessageTypeVersion),
		RecipientIds: n.RecipientIDs, Data: structFromJSON(n.Data), IdempotencyKey: n.IdempotencyKey,
		Status: notificationStatusToProto(n.Status), Priority: priorityToProto(n.Priority),
		CreateTime: timestamppb.New(n.CreatedAt), SendAt: timestampOrNil(n.SendAt),
		CancelTime: timestampOrNil(n.CanceledAt), CanceledBy: n.CanceledBy,
	}
}

func deliveryToProto(d *store.Delivery) *heraldv1.Delivery {
	return &heraldv1.Delivery{
		Id: d.ID.String(), RecipientId: d.RecipientID, Channel: channelToProto(d.Channel),
		Status: deliveryStatusToProto(d.Status), Attempts: int32(d.Attempts), Reason: d.Reason,
		Provider: d.Provider, Variant: d.Variant, LastError: d.LastError,
		CreateTime: timestamppb.New(d.CreatedAt), UpdateTime: timestamppb.New(d.UpdatedAt),
		ScheduledTime: timestampOrNil(d.ScheduledAt), MessageTypeVersion: int32(d.MessageTypeVersion),
	}
}

func eventToProto(e *store.Event) *heraldv1.DeliveryEvent {
	out := &heraldv1.DeliveryEvent{
		Id: itoa(e.ID), Type: e.Type, Time: timestamppb.New(e.CreatedAt), Status: deliveryStatusToProto(e.Status),
		Reason: e.Reason, Attempt: int32(e.Attempt), Provider: e.Provider, ResponseCode: int32(e.ResponseCode),
		Message: e.Message, Details: structFromMap(e.Details),
	}
	if e.Latency > 0 {
		out.Latency = durationpb.New(e.Latency)
	}
	return out
}
