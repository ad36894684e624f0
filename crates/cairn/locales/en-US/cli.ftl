## Command-line messages (English). Keys are shared with es/cli.ftl.

error-prefix = error: { $message }
journal-verification-failed = verification failed

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
custody-acquired = acquired
custody-viewed = viewed
custody-extracted = extracted
custody-exported = exported
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
problem-leaf-hash = event #{ $seq } ({ $kind }) was altered: its stored bytes no longer match its hash
problem-unreadable = event #{ $seq } ({ $kind }) cannot be read: { $detail }
problem-misplaced = event #{ $seq } ({ $kind }) is out of place: { $detail }
problem-root-one = event #{ $seq } was altered after it was signed (signed tree head of size { $size } no longer matches)
problem-root-range = an event between #{ $first } and #{ $last } was altered after it was signed (signed tree head of size { $size } no longer matches)
problem-signature = the signature of the tree head of size { $size } is not valid
problem-foreign-key = the tree head of size { $size } was signed by another key ({ $fingerprint })
problem-unsigned = events #{ $first } to #{ $last } are not covered by any signed tree head
problem-projection = what is shown for { $what } { $id } differs from the journal (event #{ $seq })
proof-not-json = { $path } is not a Cairn proof file
proof-inclusion-valid = Valid: event #{ $index } is in case { $case }'s journal of { $size } events, under a valid signature.
proof-consistency-valid = Valid: case { $case }'s journal of { $old } events is unchanged within its journal of { $new } events.
proof-invalid = proof is NOT valid: { $reason }

## Table and field headings
col-case = Case
col-label = Label
col-opened = Opened
col-opened-by = Opened by
col-subjects = Subjects
col-incidents = Incidents
col-evidence = Evidence
col-journal-events = Journal events
col-subject = Subject
col-name = Name
col-relationship = Relationship
col-identifiers = Identifiers
col-incident = Incident
col-when = When
col-channel = Channel
col-categories = Categories
col-behaviours = Behaviours
col-versions = Versions
col-narrative = Narrative
col-location = Location
col-witnesses = Witnesses
col-police-report = Police report
col-injuries = Injuries
col-fear = Fear
col-size = Size
col-acquired = Acquired
col-acquired-by = Acquired by
col-sha256 = SHA-256
col-media-type = Media type
col-source = Source
col-note = Note
col-root = Root
col-time = Time
col-key = Signing key
col-signature = Signature
col-signed-heads = Signed tree heads

## Vocabularies
relationship-current_partner = current partner
relationship-former_partner = former partner
relationship-spouse = spouse
relationship-former_spouse = former spouse
relationship-co_parent = co-parent
relationship-family_member = family member
relationship-acquaintance = acquaintance
relationship-coworker = coworker
relationship-employer = employer
relationship-stranger = stranger
relationship-unknown = unknown
relationship-other = other
channel-in_person = in person
channel-call = call
channel-text = text message
channel-social_media = social media
channel-email = email
channel-gps_tracker = GPS / tracker
channel-smart_device = smart device
channel-financial = financial
channel-other = other
slii-surveillance = surveillance
slii-life_invasion = life invasion
slii-intimidation = intimidation
slii-interference = interference
precision-exact = exact
precision-approximate = approximate
precision-date_only = date only
behaviour-following = following
behaviour-watching = watching
behaviour-location_tracking = location tracking
behaviour-monitoring_devices = monitoring devices
behaviour-monitoring_accounts = monitoring accounts
behaviour-checking_through_others = checking up through others
behaviour-unwanted_contact = unwanted contact
behaviour-showing_up = showing up
behaviour-contacting_family_or_friends = contacting family or friends
behaviour-contacting_employer = contacting the employer
behaviour-posting_online = posting online
behaviour-impersonation = impersonation
behaviour-unwanted_gifts = unwanted gifts
behaviour-threats = threats
behaviour-threats_to_others = threats to others
behaviour-threat_to_share_images = threat to share intimate images
behaviour-property_damage = property damage
behaviour-harming_pets = harming pets
behaviour-physical_violence = physical violence
behaviour-sexual_violence = sexual violence
behaviour-financial_sabotage = financial sabotage
behaviour-work_sabotage = work sabotage
behaviour-account_takeover = account takeover
behaviour-child_custody_interference = interference with child custody
behaviour-other = other
kind-case = case
kind-subject = subject
kind-incident = incident
kind-evidence = evidence
field-label = label
field-name = name
field-phone = phone number
field-email = email address
field-platform = platform
field-handle = handle
field-when = when
field-channel = channel
field-behaviour = behaviour
field-behaviour-category = behaviour category
field-relationship = relationship
field-custody-action = custody action
field-precision = precision
field-fear = fear
field-narrative = narrative
field-location = location
field-witness = witness
field-police-report = police report number
field-injuries = injuries
field-reason = reason
field-changes = changes
field-notes = notes
field-source = source
field-note = note
field-media-type = media type

## Errors
error-invalid = invalid { $field } "{ $value }": { $reason }
reason-empty = it must not be empty
reason-too-long = it is longer than { $max } characters
reason-out-of-range = it must be between { $min } and { $max }
reason-not-one-of = expected one of: { $allowed }
reason-not-phone = it is not a phone number (use the international form, e.g. +1 555 123 4567, or --region)
reason-not-email = it is not an email address
reason-not-datetime = expected a date like 2026-01-02 or a date and time like 2026-01-02T22:10
reason-future = it is in the future
reason-time-with-date-only = a date-only value cannot carry a time
error-bad-id = "{ $value }" is not a { $kind } id (they start with { $prefix })
error-wrong-passphrase = wrong passphrase for the vault in { $path }; nothing was changed
error-no-vault = there is no vault in { $path }; create one with: cairn init
error-vault-exists = a vault already exists in { $path }; nothing was changed
error-key-file-damaged = the vault key file { $path } is damaged ({ $detail }); restore it from a backup
error-newer-vault = the vault key file { $path } was written by a newer Cairn (format { $found }, this one reads up to { $supported }); upgrade Cairn
error-not-in-case = { $kind } { $id } is not in case { $case }
error-no-such-case = case { $case } does not exist (see: cairn case list)
error-same-passphrase = the new passphrase is the same as the old one
error-file = { $path }: { $detail }
error-crypto = encryption failed: { $detail }
error-no-such-event = case { $case } has no journal position { $seq } (it has { $size } events)
error-no-such-checkpoint = case { $case } has no signed tree head of size { $size }
error-proof = the proof does not hold: { $detail }
error-not-a-database = the vault database { $path } is damaged, truncated or not this vault's; nothing was changed
error-newer-schema = the vault database was written by a newer Cairn (schema { $found }, this one knows up to { $known }); upgrade Cairn
error-dirty-schema = the vault database has an unfinished upgrade (version { $version }); restore it from a backup
error-not-found = { $kind } { $id } was not found
error-conflict = refused: { $detail }
error-corrupt = stored data is inconsistent: { $detail }
error-blob-missing = the encrypted file for evidence with SHA-256 { $sha256 } is missing from the vault
error-blob-integrity = the evidence file with SHA-256 { $sha256 } failed its integrity check ({ $detail }); nothing was written
error-io = { $context }: { $detail }
error-storage = storage error: { $detail }

## Usage errors
usage-invalid-value = invalid value "{ $value }" for { $arg }
usage-unknown-argument = unknown option { $arg }
usage-unknown-command = unknown command "{ $name }"
usage-missing-argument = missing { $arg }
usage-missing-command = a command is required
usage-conflict = { $arg } cannot be used with { $other }
usage-see-help = For help, add --help.
