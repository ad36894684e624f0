## Court packets, chronologies and their verification.

export-title = Evidence packet
export-label-case = Case
export-label-page = Page
export-label-of = of
export-label-recipient = Prepared for
export-label-exported-at = Exported
export-label-exported-by = Exported by
export-label-journal-size = Events in the case journal
export-label-checkpoint-time = Journal signed at
export-label-checkpoint-root = Journal root (SHA-256)
export-label-fingerprint = Checkpoint fingerprint
export-label-signing-key = Signing key
export-label-summary = Summary of the course of conduct
export-label-incidents = Incidents
export-label-number = No.
export-label-when = When
export-label-what = What happened
export-label-evidence = Evidence
export-label-messages = Message excerpts
export-label-messages-note = Messages flagged for review, or the earliest ones, each with the imported file it came from and that file's SHA-256.
export-label-party = Party
export-label-text = Text
export-label-evidence-index = Evidence index
export-label-item = Item
export-label-file = File, acquired, SHA-256
export-label-size = Bytes
export-summary-counts = This packet holds { $events } events of the case journal, { $incidents } incidents and { $evidence } evidence files.
export-summary-party = { $name }: { $fact }
export-chart-caption = Contacts per day: { $name }
export-note-selection = This is a selection from the case journal. Each included event carries a proof that it is part of the journal signed at the checkpoint above, so nothing in it can have been changed or made up after that moment.
export-note-stripped = { $count } pictures are copies with location and device metadata removed, to protect where the survivor lives. The originals stay in the vault; the journal records each original's SHA-256 next to its copy.
export-note-originals = This packet contains pictures with their original metadata, which may show where and with what device they were taken.
export-note-withheld = { $count } pictures were left out because their metadata could not be removed safely ({ $names }). Export again with original pictures if they are needed.
export-note-truncated = The report lists the first { $shown } of { $total } incidents; all of them are in journal.jsonl.
export-message-source = { $channel } · from { $file } (evidence { $id }, SHA-256 { $sha })
export-verify-title = How to verify this packet
export-verify-intro = Everything below works offline, with standard tools. Run the commands in the folder you unzipped the packet into.
export-verify-step-sums = 1. Check that every file is exactly as exported. Every line must end in OK:
export-verify-step-signature = 2. Check that the list of hashes was signed by the vault's key. It must print Good "cairn-packet@cairn.invalid" signature for cairn-vault:
export-verify-step-key = 3. Check that the key is the agency's. This must print the fingerprint { $fingerprint }; confirm that fingerprint with the agency by another channel (phone, letter).
export-verify-step-proofs = 4. Each line of journal.jsonl is one event, exactly as it was signed. proofs.json proves each one part of the journal at checkpoint { $size } (fingerprint { $checkpoint }). The rules to check the proofs without Cairn (RFC 9162 Merkle trees) are in the specification that ships with Cairn, docs/packet-spec.md.
export-verify-step-cairn = 5. With Cairn, one command checks all of the above and the proofs:
export-verify-stripped = Pictures marked metadata_removed in manifest.json are copies; their hashes are declared by the export event (the last line of journal.jsonl), and the original's hash is in its evidence_added event.
export-cert-title = Certification worksheet
export-cert-intro = Facts a qualified person needs to certify these records and their digital identification. Cairn prepared this sheet; a person must check it and sign it.
export-cert-tool = Tool and version
export-cert-algorithms = Algorithms
export-cert-algorithms-value = SHA-256 (file hashes, RFC 9162 Merkle tree of the journal), Ed25519 (checkpoint and packet signatures), OpenSSH SSHSIG (signature format), RFC 8785 (canonical JSON of events)
export-cert-case = Case
export-cert-exported = Exported at, by
export-cert-recipient = Prepared for
export-cert-checkpoint = Signed journal checkpoint
export-cert-key = Signing key fingerprint
export-cert-process = Process
export-cert-process-value = Each file was hashed with SHA-256 and encrypted into the vault when it was acquired, and the hash was recorded in a signed, append-only journal. For this export the files were decrypted from the vault, checked against the recorded hash, and written into the packet; SHA256SUMS lists the hash of every file and is signed with the vault's Ed25519 key.
export-cert-items = Evidence items
export-cert-item-acquired = acquired { $at } by { $by } from { $source }
export-cert-item-copy = copy without metadata, SHA-256 { $sha }
export-cert-sign = Name, title, signature and date of the certifying person:

## Command line
export-progress = Writing the packet
export-written = Wrote { $path }: { $events } journal events, { $evidence } evidence files.
export-written-stripped = { $count } pictures are copies without location and device metadata.
export-written-withheld = { $count } pictures were left out: their metadata could not be removed (use --original-images to include them).
export-written-fingerprint = Checkpoint fingerprint: { $fingerprint }
export-written-key = Signing key: { $fingerprint }
export-written-verify = Check it with: cairn verify { $path }
verify-progress = Checking
verify-ok = VERIFIED: every file, the signature and every proof check out.
verify-ok-details = { $files } files, { $events } journal events proven against a signed journal of { $size } events, { $evidence } evidence files, { $earlier } earlier exports proven consistent.
verify-ok-key = Signed by key { $fingerprint }. Confirm this fingerprint with the agency that sent the packet.
verify-ok-checkpoint = Checkpoint fingerprint (on the report's cover): { $fingerprint }
verify-failed = NOT VERIFIED: { $count } problems found.
verify-unreadable = { $path }: cannot be read ({ $detail })
verify-sums = SHA256SUMS line { $line }: { $detail }
verify-signature-malformed = SHA256SUMS.sig is not an SSH signature
verify-signature-not-canonical = SHA256SUMS.sig was changed (it is not exactly as signed)
verify-signature-namespace = SHA256SUMS.sig was not made for a Cairn packet
verify-signature-key = SHA256SUMS.sig was made by a different key than cairn-signing-key.pub
verify-public-key = cairn-signing-key.pub is not the single Ed25519 key Cairn writes
verify-signature-mismatch = the signature does not match SHA256SUMS: the list of hashes was changed
verify-missing = { $path }: listed in SHA256SUMS but missing
verify-unlisted = { $path }: not listed in SHA256SUMS
verify-hash = { $path }: its SHA-256 differs from SHA256SUMS (the file was changed)
verify-document = { $path }: { $detail }
verify-checkpoint-signature = proofs.json: the checkpoint's signature is not valid
verify-checkpoint-key = proofs.json: the checkpoint was signed by a different key than the packet
verify-event-canonical = journal.jsonl line { $line }: not a canonical event of this case
verify-event-proof = journal.jsonl line { $line }: its inclusion proof fails
verify-consistency = proofs.json: earlier checkpoint { $index } is not proven a prefix of this journal
verify-fingerprint = manifest.json: the checkpoint fingerprint does not match proofs.json
verify-report-fingerprint = report.pdf does not carry the checkpoint fingerprint
verify-evidence = { $path }: { $detail }
verify-other = another problem was found

## Chronology, CSV tables and the IC3 worksheet (`cairn export chronology|incidents|messages|ic3`)

chronology-title = Chronology of incidents
chronology-label-prepared-at = Prepared
chronology-label-prepared-by = Prepared by
chronology-none = No incident matches this selection.
chronology-note-counts = { $incidents ->
    [one] One incident
   *[other] { $incidents } incidents
}, numbered in the order they happened, and { $evidence ->
    [one] one evidence item
   *[other] { $evidence } evidence items
} that support them.
chronology-note-proof = Each incident and evidence item is part of the case journal at the checkpoint shown in the header. A court packet exported from the same case proves it, and the evidence index lists the SHA-256 of each original file.
export-col-number = No.
export-col-date = Date
export-col-time = Time
export-col-precision = Time is
export-col-channel = Channel
export-col-behaviours = Behaviours
export-col-subject = Subject
export-col-narrative = What happened
export-col-evidence = Evidence
export-col-evidence-sha256 = Evidence SHA-256
export-col-incident = Incident id
export-col-categories = Categories
export-col-location = Location
export-col-witnesses = Witnesses
export-col-police-report = Police report
export-col-injuries = Injuries
export-col-fear = Fear (0–10)
export-col-local-time = Local time
export-col-utc = UTC
export-col-direction = Direction
export-col-party = Party
export-col-party-name = Name shown
export-col-others = Others
export-col-email-subject = Email subject
export-col-text = Text
export-col-duration = Duration (s)
export-col-attachments = Attachments
export-col-attachments-sha256 = Attachments SHA-256
export-col-flags = Marks
export-col-source-evidence = Source item
export-col-source-file = Source file
export-col-source-sha256 = Source SHA-256
export-col-source-entry = Source entry
export-col-source-line = Source line
ic3-title = IC3 COMPLAINT WORKSHEET — case { $case }
ic3-prepared = Prepared { $at } by { $by }. Journal checkpoint { $fingerprint }.
ic3-intro = This worksheet follows the sections of the complaint form of the FBI's Internet Crime Complaint Center (ic3.gov). Cairn sends nothing: copy each section into the form yourself, on a device the abuser cannot see or reach. Fill in the blanks [ ] yourself; Cairn does not keep them.
ic3-victim = Victim information
ic3-victim-name = Name
ic3-victim-age = Age or date of birth
ic3-victim-address = Address
ic3-victim-phone = Phone
ic3-victim-email = Email
ic3-victim-note = If your address must stay confidential (for example in an address confidentiality program), give the substitute address the program gave you.
ic3-money = Financial transactions
ic3-money-none = No incident in this selection is recorded as financial. If money was lost or taken, fill in the lines below for each transaction.
ic3-money-amount = Amount and currency
ic3-money-method = Method (wire, card, gift card, cryptocurrency, cash, app)
ic3-money-date = Date
ic3-money-recipient = Recipient's bank, account, wallet or app handle
ic3-subjects = Subject information (the person or people responsible)
ic3-subjects-none = No subject is recorded in this selection.
ic3-identifier-phone = Phone
ic3-identifier-email = Email
ic3-identifier-handle = Account
ic3-description = Description of incident, in chronological order
ic3-description-none = No incident matches this selection.
ic3-other = Other information
ic3-other-no-email = No imported email from these subjects. If an email was part of what happened, forward it to yourself as an attachment and import it, so its headers are kept.
ic3-other-email-intro = Email headers, exactly as received (investigators use them to trace the sender):
ic3-other-email = Email { $number }: { $at }, from { $from }, subject "{ $subject }"
ic3-other-truncated = [headers cut here; the full headers are in the original file]
ic3-files = Original files to keep for investigators
ic3-files-intro = Keep these files unchanged. Investigators may ask for them; the SHA-256 shows a file is the one listed here. A court packet (cairn export packet) carries them with proof that they belong to this case.
export-document-written = Wrote { $path }: { $rows ->
    [one] one row
   *[other] { $rows } rows
}, { $evidence ->
    [one] one evidence item
   *[other] { $evidence } evidence items
}.
export-document-csv-note = Cells that start with =, +, - or @ begin with an apostrophe so a spreadsheet shows them as text and never runs them.
export-history-none = Nothing from this case has been exported yet.
col-journal-event = Event
col-export-kind = Export
col-recipient = For
col-purpose = Purpose
export-kind-packet = court packet
export-kind-chronology_pdf = chronology (PDF)
export-kind-chronology_csv = chronology (CSV)
export-kind-incidents_csv = incidents (CSV)
export-kind-messages_csv = messages (CSV)
export-kind-ic3_worksheet = IC3 worksheet
error-too-large-for-download = This export would be larger than { $mib } MiB, too large to build for a download. Choose fewer items or a shorter period, or run cairn export on this computer to write it to a file.
export-note-carrying = { $count ->
    [one] One imported file is
   *[other] { $count } imported files are
} included exactly as received, because a court may need the original: { $names }. Pictures and other files inside them (MMS pictures, chat media, email attachments) keep their metadata, which can include where they were taken. Review before sharing, or leave these files out with --evidence.
export-written-carrying = { $count ->
    [one] Caution: one imported file is included as received; pictures inside it keep their location metadata (see the report's cover).
   *[other] Caution: { $count } imported files are included as received; pictures inside them keep their location metadata (see the report's cover).
}
error-too-many-for-pdf = { $incidents } incidents are too many for a PDF chronology (at most { $limit }). Choose a period with --from and --to, or export it as CSV.
