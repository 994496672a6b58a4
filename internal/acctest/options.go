package acctest

import "github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"

// WithClock gives the emulator its own clock (e.g. a ManualClock), for tests
// where the service's time must differ from the provider's.
func WithClock(c emulator.Clock) Option {
	return func(o *emulator.Options) { o.Clock = c }
}

// WithTicketPolls makes connection tasks answer Running for n polls.
func WithTicketPolls(n int) Option {
	return func(o *emulator.Options) { o.TicketPolls = n }
}
