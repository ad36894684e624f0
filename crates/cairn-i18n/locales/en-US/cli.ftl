## Command-line messages (English). Keys are shared with es/cli.ftl.


## Passphrases and vault
passphrase-prompt = Vault passphrase
passphrase-prompt-new = New passphrase
passphrase-prompt-repeat = Repeat the new passphrase
passphrase-mismatch = the two passphrases do not match; nothing was changed
passphrase-too-short = the passphrase has { $given } characters; use at least { $minimum } (a few unrelated words work well)
passphrase-none-given = no passphrase given: use --passphrase-file FILE or the CAIRN_PASSPHRASE variable, or run in a terminal to be asked
passphrase-prompt-failed = could not read the passphrase from the terminal
passphrase-file-unreadable = cannot read the passphrase file { $path }
passphrase-changed = Passphrase changed. The old passphrase no longer opens this vault.
vault-no-default-dir = cannot find a data directory for the vault; give one with --vault DIR
init-done = Created an encrypted vault in { $path }
init-fingerprint = Signing key: { $fingerprint }
init-warning = Keep the passphrase safe: nobody, including Cairn, can recover it or the vault without it.

## Cases, subjects, incidents, evidence
case-created = Opened case { $id }
case-none = No cases yet. Open one with: cairn case new --label "…"
subject-added = Added subject { $id }
subject-none = No subjects in this case.
incident-recorded = Recorded incident { $id }
incident-amended = Recorded a corrected version of incident { $id }; earlier versions stay in the history.
incident-none = No incidents in this case.
incident-history = { $count ->
    [one] History (1 version):
   *[other] History ({ $count } versions):
}
incident-history-recorded = #{ $seq } { $at } by { $actor }: recorded — { $narrative }
incident-history-amended = #{ $seq } { $at } by { $actor }: corrected ({ $reason }) — { $narrative }
evidence-progress = Hashing and encrypting { $name }
progress-eta = (about {"{"}eta{"}"} left)
evidence-added = Added evidence { $id } ({ $name })
evidence-duplicate = { $name } is already in this case as { $id }; not added again
evidence-none = No evidence in this case.
evidence-extracted = Wrote evidence { $id } to { $path } (logged in the chain of custody)
custody-heading = Chain of custody:
file-unreadable = cannot read { $path }
flag-required = { $flag } is required

## Journal
journal-verified = Journal verified: { $size ->
    [one] 1 event
   *[other] { $size } events
}, every hash, root and signature recomputed.
journal-problems = { $count ->
    [one] Journal verification FAILED (1 problem):
   *[other] Journal verification FAILED ({ $count } problems):
}
journal-bad-event = { $value } is not a journal position, incident id or evidence id
proof-not-json = { $path } is not a Cairn proof file
proof-inclusion-valid = Valid: event #{ $index } is in case { $case }'s journal of { $size } events, under a valid signature.
proof-consistency-valid = Valid: case { $case }'s journal of { $old } events is unchanged within its journal of { $new } events.
proof-invalid = proof is NOT valid: { $reason }

## Usage errors
usage-invalid-value = invalid value "{ $value }" for { $arg }
usage-unknown-argument = unknown option { $arg }
usage-unknown-command = unknown command "{ $name }"
usage-missing-argument = missing { $arg }
usage-missing-command = a command is required
usage-conflict = { $arg } cannot be used with { $other }
usage-see-help = For help, add --help.

## Web app
serve-listening = Cairn is running at { $url } — open it in a browser on this computer.
serve-stop-hint = Press Ctrl-C to stop; the vault is locked when Cairn stops.
serve-not-loopback = { $addr } is not a loopback address; Cairn only listens on this computer unless agency mode is configured
serve-bad-exit-url = quick-exit address "{ $url }" must be a plain http:// or https:// address
serve-bad-idle = the idle lock must be at least 1 minute
import-stage-storing = Hashing and encrypting { $name }
import-stage-reading = Reading { $name }
import-stage-saving = Saving { $name }
import-done = Imported { $name } ({ $kind }) as evidence { $id }
import-already = { $name } was already imported into this case (evidence { $id }); nothing added
import-counts = { $read } read, { $added } new, { $repeated } already in the case, { $files } files, { $skipped } skipped
import-declared-mismatch = the file says it holds { $declared } records but { $found } were found: it may have been cut or edited after the app wrote it
import-skipped-line = skipped at line { $line } (byte { $offset }): { $reason }
import-skipped-more = …and { $count } more skipped (see --json for the first thousand)
import-missing-media = { $count } media files named in the chat were not in the export
import-time-zone = times read in the time zone { $zone }
import-photo-taken = the file says it was taken { $at } { $offset }
import-photo-place = the file says it was taken at latitude { $lat }, longitude { $lon }
import-photo-device = the file says the camera was { $device }
import-unassigned = { $count ->
    [one] One counterpart is not matched to a subject yet:
   *[other] { $count } counterparts are not matched to a subject yet:
}
import-unassigned-count = { $count ->
    [one] one message or call
   *[other] { $count } messages and calls
}
counterpart-none = No counterparts: nothing has been imported into this case.
counterpart-assigned = { $counterpart } is now an identifier of subject { $subject }
messages-none = No messages or calls match.
messages-duration = call of { $seconds } s
pattern-none = No messages or calls to analyse: import an export first (cairn import).
pattern-review = { $count ->
    [one] one message matched the review word list: a person should read it (cairn messages --review)
   *[other] { $count } messages matched the review word list: a person should read them (cairn messages --review)
}
pattern-charts-written = { $count } charts written to { $dir }
evidence-extracted-inner = Wrote { $name }, found inside evidence { $source }, to { $path } (logged in the source's chain of custody)
import-photo-none = no photo metadata could be read from this file; it is kept as plain evidence

## Indicator files and device checks
iocs-imported = Registered indicator file { $name }
iocs-downloading = Downloading { $files } from { $from } (the only Cairn command that uses the network; nothing about you or your cases is sent).
iocs-already = { $name } was already registered; nothing changed
iocs-counts = { $apps } apps, { $packages } packages, { $domains } domains, { $ips } IP addresses, { $certificates } certificates
iocs-none = No indicator files are registered. Add them with: cairn iocs import ioc.yaml watchware.yaml
iocs-col-name = File
iocs-col-version = Version
iocs-col-apps = Apps
iocs-col-packages = Packages
iocs-col-domains = Domains
iocs-col-loaded = Registered
iocs-col-sha256 = SHA-256
scan-done = Checked { $name } ({ $kind }), kept as evidence { $id }
scan-kind-pcap = packet capture
scan-kind-androidqf = AndroidQF acquisition
scan-kind-bugreport = Android bug report
scan-kind-adb = live check over USB
scan-phone-progress = Reading the phone over USB (read-only)…
scan-phone-none = No phone is connected. Connect it by USB, turn on USB debugging, unlock it, and run the check again.
scan-phone-several = Several phones are connected ({ $listed }). Choose one with --serial.
scan-phone-not-connected = No phone { $serial } is connected. Connected: { $listed }.
scan-phone-unauthorized = The phone { $serial } has not allowed this computer yet: unlock it and accept the “Allow USB debugging?” prompt, then run the check again.
scan-phone-not-ready = The phone { $serial } is { $state }, not ready. Reconnect the cable and unlock it.
scan-indicators-used = Compared against { $count ->
        [one] one indicator file:
       *[other] { $count } indicator files:
    }
scan-no-indicator-files = No indicator files are registered, so nothing was compared against known monitoring apps. Add them with: cairn iocs import
scan-severity-high = High concern ({ $count })
scan-severity-medium = Medium concern ({ $count })
scan-severity-low = Low concern ({ $count })
scan-severity-info = For information ({ $count })
scan-means-label = What it means:
scan-not-means-label = What it does not mean:
scan-caution-label = Safety:
scan-matched-indicator = Matched indicator { $indicator } (listed for { $app })
scan-gaps-heading = What this check could not examine:
