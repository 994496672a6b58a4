package client

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// ConnectionTicket starts once, polls through Running to Finished, and
// reports a Failed task as ErrTicketFailed.
func TestConnectionTicket(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{TicketPolls: 3})
	t.Cleanup(srv.Close)
	gid, err := srv.AddGroup(emulator.Group{ImageID: "img-win2019-office", Users: []string{"alice"}})
	if err != nil {
		t.Fatal(err)
	}
	c := testClient(t, srv.URL, func(cfg *Config) {
		cfg.Credential = staticCred(emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "")
		cfg.PollInterval = time.Millisecond
	})
	ctx := context.Background()
	in := GetConnectionTicketInput{AppID: "ca-office0000000001", EndUserID: "alice"}
	out, err := c.ConnectionTicket(ctx, in, time.Minute)
	if err != nil || out.TaskStatus != "Finished" || out.Ticket == "" || out.AppInstanceGroupID != gid {
		t.Fatalf("ticket: %+v %v", out, err)
	}
	if n := srv.Stats().Actions["GetConnectionTicket"].Calls; n != 5 {
		t.Errorf("GetConnectionTicket called %d times, want 5 (start, 3 × Running, Finished)", n)
	}
	in.EndUserID = "mallory"
	if _, err := c.ConnectionTicket(ctx, in, time.Minute); !errors.Is(err, ErrTicketFailed) {
		t.Fatalf("unauthorized user: %v, want ErrTicketFailed", err)
	}
}

// A task that stays Running ends with the timeout, not a hang.
func TestConnectionTicketTimeout(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{TicketPolls: 1 << 30})
	t.Cleanup(srv.Close)
	if _, err := srv.AddGroup(emulator.Group{ImageID: "img-win2019-office", Users: []string{"alice"}}); err != nil {
		t.Fatal(err)
	}
	c := testClient(t, srv.URL, func(cfg *Config) {
		cfg.Credential = staticCred(emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "")
		cfg.PollInterval = time.Millisecond
	})
	_, err := c.ConnectionTicket(context.Background(), GetConnectionTicketInput{AppID: "ca-office0000000001", EndUserID: "alice"}, 50*time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v, want a deadline error", err)
	}
	if n := srv.Stats().Actions["GetConnectionTicket"].Calls; n < 2 {
		t.Errorf("GetConnectionTicket called %d times, want the start and at least one poll", n)
	}
}
