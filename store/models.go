package store

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// Channel is a delivery medium, stored by name.
type Channel string

// Channels Herald delivers on.
const (
	ChannelEmail   Channel = "email"
	ChannelSMS     Channel = "sms"
	ChannelPush    Channel = "push"
	ChannelWebhook Channel = "webhook"
	ChannelSlack   Channel = "slack"
	ChannelInApp   Channel = "in_app"
)

// Channels lists every channel in API enum order.
var Channels = []Channel{ChannelEmail, ChannelSMS, ChannelPush, ChannelWebhook, ChannelSlack, ChannelInApp}

// Priority is a traffic lane, stored by name.
type Priority string

// Priorities, most urgent first.
const (
	PriorityCritical Priority = "critical"
	PriorityHigh     Priority = "high"
	PriorityNormal   Priority = "normal"
	PriorityBulk     Priority = "bulk"
)

// Priorities lists every priority, most urgent first.
var Priorities = []Priority{PriorityCritical, PriorityHigh, PriorityNormal, PriorityBulk}

// DeliveryStatus is where a delivery stands, stored by name.
type DeliveryStatus string

// Delivery statuses; see herald.v1.DeliveryStatus.
const (
	DeliveryQueued       DeliveryStatus = "queued"
	DeliveryScheduled    DeliveryStatus = "scheduled"
	DeliverySending      DeliveryStatus = "sending"
	DeliverySent         DeliveryStatus = "sent"
	DeliveryDelivered    DeliveryStatus = "delivered"
	DeliveryBounced      DeliveryStatus = "bounced"
	DeliveryFailed       DeliveryStatus = "failed"
	DeliverySuppressed   DeliveryStatus = "suppressed"
	DeliveryDarkLaunched DeliveryStatus = "dark_launched"
	DeliveryExpired      DeliveryStatus = "expired"
	DeliveryDigested     DeliveryStatus = "digested"
	DeliveryCanceled     DeliveryStatus = "canceled"
)

// DeliveryStatuses lists every delivery status in API enum order.
var DeliveryStatuses = []DeliveryStatus{
	DeliveryQueued, DeliveryScheduled, DeliverySending, DeliverySent, DeliveryDelivered, DeliveryBounced,
	DeliveryFailed, DeliverySuppressed, DeliveryDarkLaunched, DeliveryExpired, DeliveryDigested, DeliveryCanceled,
}

// Pending reports whether the delivery may still be sent.
func (s DeliveryStatus) Pending() bool {
	return s == DeliveryQueued || s == DeliveryScheduled || s == DeliverySending
}

// NotificationStatus is where a notification stands. Completed is never
// stored: it is derived from the deliveries when read.
type NotificationStatus string

// Notification statuses; see herald.v1.NotificationStatus.
const (
	NotificationAccepted   NotificationStatus = "accepted"
	NotificationScheduled  NotificationStatus = "scheduled"
	NotificationProcessing NotificationStatus = "processing"
	NotificationCompleted  NotificationStatus = "completed"
	NotificationCanceled   NotificationStatus = "canceled"
)

// Tenant owns everything else; tenants never see each other's rows.
type Tenant struct {
	ID            uuid.UUID
	Name          string
	SigningSecret []byte
	CreatedAt     time.Time
}

// APIKey authenticates a tenant's backend. Only the key's hash is stored.
type APIKey struct {
	ID       uuid.UUID
	TenantID uuid.UUID
	Name     string
	// Operator keys may also read installation-wide operations data.
	Operator  bool
	CreatedAt time.Time
	RevokedAt *time.Time
}

// PushToken is one device's push registration.
type PushToken struct {
	Token    string `json:"token"`
	Platform string `json:"platform"` // "fcm" or "apns"
	DeviceID string `json:"device_id,omitempty"`
}

// Recipient is someone (or something) notifications go to.
type Recipient struct {
	TenantID        uuid.UUID
	ID              string
	Email           string
	Phone           string
	Timezone        string
	Locale          string
	WebhookURL      string
	SlackWebhookURL string
	PushTokens      []PushToken
	Attributes      map[string]any
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Templates are a message type's per-channel template sources.
type Templates struct {
	Email   *EmailTemplate   `json:"email,omitempty"`
	SMS     *SMSTemplate     `json:"sms,omitempty"`
	Push    *PushTemplate    `json:"push,omitempty"`
	Webhook *WebhookTemplate `json:"webhook,omitempty"`
	InApp   *InAppTemplate   `json:"in_app,omitempty"`
	Slack   *SlackTemplate   `json:"slack,omitempty"`
}

// EmailTemplate renders an email; HTML is optional.
type EmailTemplate struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	HTML    string `json:"html,omitempty"`
}

// SMSTemplate renders a text message.
type SMSTemplate struct {
	Body string `json:"body"`
}

// PushTemplate renders a push notification.
type PushTemplate struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	Link  string `json:"link,omitempty"`
}

// WebhookTemplate renders the body field of a webhook payload.
type WebhookTemplate struct {
	Body string `json:"body"`
}

// InAppTemplate renders an inbox item.
type InAppTemplate struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	Link  string `json:"link,omitempty"`
}

// SlackTemplate renders a Slack message.
type SlackTemplate struct {
	Text string `json:"text"`
}

// RateLimit caps deliveries per recipient and channel in a sliding window.
type RateLimit struct {
	Count int           `json:"count"`
	Per   time.Duration `json:"per"`
	// ByCategory counts every message type of the category together;
	// otherwise only this message type counts.
	ByCategory bool `json:"by_category,omitempty"`
	// Delay schedules deliveries over the limit for when the window has
	// room; otherwise they are suppressed.
	Delay bool `json:"delay,omitempty"`
}

// MessageType is one version of a message type's definition.
type MessageType struct {
	TenantID  uuid.UUID
	Key       string
	Version   int
	CreatedAt time.Time
	MessageTypeSpec
}

// MessageTypeSpec is the definition itself, stored as JSON per version.
type MessageTypeSpec struct {
	Category        string        `json:"category,omitempty"`
	Priority        Priority      `json:"priority"`
	Channels        []Channel     `json:"channels"`
	Templates       Templates     `json:"templates"`
	TTL             time.Duration `json:"ttl,omitempty"`
	Critical        bool          `json:"critical,omitempty"`
	Digestible      bool          `json:"digestible,omitempty"`
	DigestTemplates *Templates    `json:"digest_templates,omitempty"`
	RateLimit       *RateLimit    `json:"rate_limit,omitempty"`
	Description     string        `json:"description,omitempty"`
	MaxAttempts     int           `json:"max_attempts,omitempty"`
	// Locales holds templates per BCP 47 locale.
	Locales map[string]Templates `json:"locales,omitempty"`
	// DedupeWindow is how long a dedupe key holds; 0 means DefaultDedupeWindow.
	DedupeWindow time.Duration `json:"dedupe_window,omitempty"`
	// Variants holds A/B template variants by name.
	Variants map[string]Templates `json:"variants,omitempty"`
	// Tracking says which engagement is recorded; nil records none.
	Tracking *Tracking `json:"tracking,omitempty"`
}

// Tracking is a message type's engagement tracking: both off unless set.
type Tracking struct {
	Opens  bool `json:"opens,omitempty"`
	Clicks bool `json:"clicks,omitempty"`
}

// TracksOpens reports whether deliveries of the message type record opens.
func (s *MessageTypeSpec) TracksOpens() bool { return s.Tracking != nil && s.Tracking.Opens }

// TracksClicks reports whether deliveries of the message type record
// clicks.
func (s *MessageTypeSpec) TracksClicks() bool { return s.Tracking != nil && s.Tracking.Clicks }

// DefaultDedupeWindow is how long a dedupe key holds when the message type
// does not say.
const DefaultDedupeWindow = 24 * time.Hour

// Notification is one accepted Send.
type Notification struct {
	ID                 uuid.UUID
	TenantID           uuid.UUID
	MessageType        string
	MessageTypeVersion int
	Priority           Priority
	RecipientIDs       []string
	Data               json.RawMessage
	IdempotencyKey     string
	RequestHash        []byte
	SendAt             *time.Time
	Status             NotificationStatus
	FanoutCursor       int
	CreatedAt          time.Time
	CanceledAt         *time.Time
	CanceledBy         string
	DedupeKey          string
	// Digest marks a notification that carries a recipient's digest.
	Digest bool
	// Topic, when set, names whose subscribers the notification goes to;
	// RecipientIDs is then empty.
	Topic string
	// FanoutAfter is the last topic subscriber fanned out.
	FanoutAfter string
	// FanoutPending counts the planned fan-out chunks not yet written.
	FanoutPending int
}

// Content is a message rendered for one channel.
type Content struct {
	Subject string `json:"subject,omitempty"`
	Title   string `json:"title,omitempty"`
	Body    string `json:"body,omitempty"`
	HTML    string `json:"html,omitempty"`
	Link    string `json:"link,omitempty"`
	// Data is the notification's data, carried for channels whose payload
	// includes it (webhook).
	Data json.RawMessage `json:"data,omitempty"`
	// Links are the links of the HTML that go through click tracking, as
	// the template rendered them: the only places a tracked click may
	// redirect to.
	Links []string `json:"links,omitempty"`
}

// Delivery is one recipient on one channel.
type Delivery struct {
	ID                 uuid.UUID
	TenantID           uuid.UUID
	NotificationID     uuid.UUID
	RecipientID        string
	Channel            Channel
	Status             DeliveryStatus
	Reason             string
	Attempts           int
	Provider           string
	Variant            string
	LastError          string
	MessageType        string
	MessageTypeVersion int
	Priority           Priority
	Address            string
	Content            *Content
	ScheduledAt        *time.Time
	DueAt              time.Time
	ExpireAt           *time.Time
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// Delivery reasons, stable snake_case: they are part of the API.
const (
	ReasonNoAddress    = "no_address"
	ReasonExpired      = "expired"
	ReasonRenderError  = "render_error"
	ReasonNoProvider   = "no_provider"
	ReasonCanceled     = "canceled"
	ReasonOptedOut     = "opted_out"
	ReasonMuted        = "muted"
	ReasonQuietHours   = "quiet_hours"
	ReasonRateLimited  = "rate_limited"
	ReasonDeduplicated = "deduplicated"
	ReasonDigested     = "digested"
	ReasonKillSwitch   = "kill_switch"
	ReasonDarkLaunch   = "dark_launch"
	// ReasonBounced: a hard bounce or an invalid number. On a BOUNCED
	// delivery the provider said so; on a SUPPRESSED one the address is on
	// the suppression list for it.
	ReasonBounced = "bounced"
	// ReasonComplained: the recipient reported an earlier message as spam,
	// so the address is on the suppression list.
	ReasonComplained = "complained"
	// ReasonBlocked: BOUNCED, but not for the address itself (a full
	// mailbox, a spam filter, a handset out of reach): it stays usable.
	ReasonBlocked = "blocked"
	// ReasonDropped: BOUNCED, the provider dropped it without trying (an
	// address on the provider's own suppression list).
	ReasonDropped = "dropped"
	// The provider failure classes are reasons too: "transient",
	// "throttled" and "permanent" (providers.Class.String).
)

// Event types of the delivery timeline.
const (
	EventQueued     = "queued"
	EventScheduled  = "scheduled"
	EventRendered   = "rendered"
	EventSuppressed = "suppressed"
	EventExpired    = "expired"
	EventAttempt    = "attempt"
	EventSent       = "sent"
	EventFailed     = "failed"
	EventRetrying   = "retrying"
	EventThrottled  = "throttled"
	EventCanceled   = "canceled"
	EventDigested   = "digested"
	// EventHeld: a kill switch holds the delivery until switched back.
	EventHeld = "held"
	// EventDarkLaunched: everything ran but the provider call, on purpose.
	EventDarkLaunched = "dark_launched"
	// EventProviderSplit: the provider-split flag chose the first provider.
	EventProviderSplit = "provider_split"
	// EventFailover: the next provider of the channel takes over.
	EventFailover = "failover"
	// EventTokenRemoved: a push token the provider called invalid was
	// removed from the recipient.
	EventTokenRemoved = "token_removed"
	// EventDelivered and EventBounced: the provider's receipt confirmed
	// the delivery reached the recipient, or reported it could not.
	EventDelivered = "delivered"
	EventBounced   = "bounced"
	// EventSuppressionAdded: the receipt put the address on the tenant's
	// suppression list.
	EventSuppressionAdded = "suppression_added"
	// Engagement events: an open (pixel, push open, provider report), a
	// click (with the link), a spam complaint. Inbox reads are EventRead.
	EventOpened     = "opened"
	EventClicked    = "clicked"
	EventComplained = "complained"
	// EventTracked: the rendered email's opens or clicks are tracked.
	EventTracked = "tracked"
)

// Event is one entry of a delivery's append-only timeline.
type Event struct {
	ID             int64
	TenantID       uuid.UUID
	NotificationID uuid.UUID
	DeliveryID     uuid.UUID
	Type           string
	Status         DeliveryStatus
	Reason         string
	Attempt        int
	Provider       string
	ResponseCode   int
	Latency        time.Duration
	Message        string
	Details        map[string]any
	CreatedAt      time.Time
}

// InboxItem is an in-app message in a recipient's inbox.
type InboxItem struct {
	ID             uuid.UUID
	TenantID       uuid.UUID
	RecipientID    string
	DeliveryID     uuid.UUID
	NotificationID uuid.UUID
	MessageType    string
	Title          string
	Body           string
	Link           string
	ReadAt         *time.Time
	ArchivedAt     *time.Time
	CreatedAt      time.Time
}

// PreferenceRule turns a channel on or off for a scope: a message type, a
// category, or everything (both empty). An empty Channel means every channel.
type PreferenceRule struct {
	Category    string  `json:"category,omitempty"`
	MessageType string  `json:"message_type,omitempty"`
	Channel     Channel `json:"channel,omitempty"`
	Enabled     bool    `json:"enabled"`
}

// Digest cadences.
const (
	DigestImmediate = "immediate"
	DigestDaily     = "daily"
	DigestWeekly    = "weekly"
)

// DigestSettings say when a recipient's digests go, in their time zone.
type DigestSettings struct {
	Cadence string // DigestImmediate, DigestDaily, DigestWeekly; "" means immediate
	Weekday int    // 0 = Sunday
	Hour    int
}

// Preferences are a recipient's (or, with RecipientID "", the tenant's
// default) choices about what reaches them.
type Preferences struct {
	TenantID    uuid.UUID
	RecipientID string
	Rules       []PreferenceRule
	MuteUntil   *time.Time
	// QuietStart and QuietEnd are "HH:MM" in the recipient's time zone.
	QuietStart, QuietEnd string
	Digest               DigestSettings
	UpdatedAt            time.Time
}

// Digest is the schedule of one recipient's digest of one message type.
type Digest struct {
	TenantID    uuid.UUID
	RecipientID string
	MessageType string
	NextSendAt  *time.Time
	Generation  int
	JobID       *int64
}

// DigestItem is a notification waiting in a digest.
type DigestItem struct {
	TenantID       uuid.UUID       `json:"tenant_id"`
	RecipientID    string          `json:"recipient_id"`
	MessageType    string          `json:"message_type"`
	NotificationID uuid.UUID       `json:"notification_id"`
	Data           json.RawMessage `json:"data"`
	CreatedAt      time.Time       `json:"created_at"`
}
