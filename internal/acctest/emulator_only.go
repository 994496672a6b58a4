package acctest

import (
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// The helpers here let one lifecycle test run on both targets: the steps
// and checks that change or inspect the service out of band (drift, faults,
// call counts, the emulator's records) run on the emulator and are skipped
// on the cloud, while the Terraform steps run everywhere.

// EmulatorOnly is a TestStep.SkipFunc: the step runs only on the emulator.
func (e *Env) EmulatorOnly() func() (bool, error) {
	return func() (bool, error) { return !e.IsEmulator(), nil }
}

// ResetStats zeroes the emulator's call counters (a step's PreConfig before
// counting); against the cloud there are none and it does nothing.
func (e *Env) ResetStats() {
	if e.IsEmulator() {
		e.Emulator.ResetStats()
	}
}

// OnEmulator runs check only on the emulator; on the cloud it passes.
func (e *Env) OnEmulator(check resource.TestCheckFunc) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if !e.IsEmulator() {
			return nil
		}
		return check(s)
	}
}
