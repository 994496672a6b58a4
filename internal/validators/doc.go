// Package validators holds plan-time validators and pure rule helpers shared by
// several App Streaming resources and data sources.
//
// Conventions, followed by every validator here:
//   - null and unknown values are skipped: they are checked again at apply time,
//     when the values are known;
//   - diagnostics are attached to the offending attribute's path (for the
//     resource-level validators too, never the resource root), so Terraform
//     points at the right line;
//   - the detail says what is wrong, the value given and what is allowed, e.g.
//     "session_timeout must be -1 or between 3 and 300 minutes, got 2".
//
// Rule numbers in comments refer to api-notes §4 (docs/development/api-notes.md).
package validators
