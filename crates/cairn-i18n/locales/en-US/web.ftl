## The web app (English). Keys shared with es/web.ftl.

skip-to-content = Skip to content
nav-main = Main
nav-cases = Cases
nav-case = This case
nav-timeline = Timeline
nav-new-incident = New incident
nav-evidence = Evidence
nav-subjects = People causing harm
nav-journal = Journal
nav-import = Import
nav-messages = Messages
nav-counterparts = Numbers and names
switch-language = Español
lock = Lock
quick-exit = Quick exit
quick-exit-hint = Leave now: locks Cairn and opens a neutral website. Shortcut: press Esc three times.
footer-hint = Press Esc three times, or use Quick exit, to lock and leave at once. Everything here is encrypted on this computer and nothing is sent anywhere.
back-to-start = Back to the start
one-per-line = One per line.

## Titles
title-error = Something went wrong
title-setup = Create your vault
title-unlock = Unlock
title-cases = Cases
title-case = Case
title-subjects = People causing harm
title-new-incident = Record an incident
title-amend-incident = Correct an incident
title-incident = Incident
title-evidence = Evidence
title-evidence-item = Evidence item
title-journal = Journal
title-import = Import an export
title-import-result = Import
title-messages = Messages and calls
title-counterparts = Numbers and names

## Vault
setup-heading = Create your vault
setup-intro = Cairn keeps everything in an encrypted vault on this computer. Choose a passphrase: a few unrelated words you can remember are stronger than a short password with symbols.
setup-no-recovery = Nobody can recover this passphrase — not you, not your agency, not Cairn. If it is lost, what is in the vault is lost too.
setup-weak = Please choose a stronger passphrase:
setup-too-short = It has { $given } characters; use at least { $minimum }.
setup-guessable = It could be guessed quickly.
setup-mismatch = The two passphrases do not match.
setup-passphrase-help = At least 12 characters. Do not use one the person causing harm could know or guess.
setup-submit = Create the vault
unlock-heading = Unlock your vault
unlock-submit = Unlock
unlock-wrong-passphrase = That passphrase does not open this vault. Nothing was changed.
label-passphrase = Passphrase
label-passphrase-confirm = Passphrase again

zxcvbn-straight-rows-of-keys-are-easy-to-guess = Straight rows of keys are easy to guess.
zxcvbn-short-keyboard-patterns-are-easy-to-guess = Short keyboard patterns are easy to guess.
zxcvbn-repeats-like-aaa-are-easy-to-guess = Repeats like "aaa" are easy to guess.
zxcvbn-repeats-like-abc-abc-are-only-slightly-harder-to-guess = Repeats like "abcabc" are only slightly harder to guess than "abc".
zxcvbn-this-is-a-top10-password = This is one of the 10 most common passwords.
zxcvbn-this-is-a-top100-password = This is one of the 100 most common passwords.
zxcvbn-this-is-a-common-password = This is a very common password.
zxcvbn-this-is-similar-to-a-commonly-used-password = This is similar to a commonly used password.
zxcvbn-sequences-like-abc-are-easy-to-guess = Sequences like "abc" or "6543" are easy to guess.
zxcvbn-recent-years-are-easy-to-guess = Recent years are easy to guess.
zxcvbn-a-word-by-itself-is-easy-to-guess = A word by itself is easy to guess.
zxcvbn-dates-are-often-easy-to-guess = Dates are often easy to guess.
zxcvbn-names-and-surnames-by-themselves-are-easy-to-guess = Names and surnames by themselves are easy to guess.
zxcvbn-common-names-and-surnames-are-easy-to-guess = Common names and surnames are easy to guess.
zxcvbn-use-a-few-words-avoid-common-phrases = Use a few words; avoid common phrases.
zxcvbn-no-need-for-symbols-digits-or-uppercase-letters = There is no need for symbols, digits or capital letters.
zxcvbn-add-another-word-or-two = Add another word or two. Uncommon words are better.
zxcvbn-capitalization-doesnt-help-very-much = Capital letters do not help very much.
zxcvbn-all-uppercase-is-almost-as-easy-to-guess-as-all-lowercase = All capitals is almost as easy to guess as all lower case.
zxcvbn-reversed-words-arent-much-harder-to-guess = Reversed words are not much harder to guess.
zxcvbn-predictable-substitutions-dont-help-very-much = Predictable substitutions like "@" for "a" do not help very much.
zxcvbn-use-a-longer-keyboard-pattern-with-more-turns = Use a longer keyboard pattern with more turns.
zxcvbn-avoid-repeated-words-and-characters = Avoid repeated words and characters.
zxcvbn-avoid-sequences = Avoid sequences.
zxcvbn-avoid-recent-years = Avoid recent years.
zxcvbn-avoid-years-that-are-associated-with-you = Avoid years that are associated with you.
zxcvbn-avoid-dates-and-years-that-are-associated-with-you = Avoid dates and years that are associated with you.

## Cases and timeline
cases-heading = Cases
cases-none = No cases yet.
cases-new-heading = Open a new case
label-case-label = How you will recognise this case
cases-label-help = For example a first name and initial. It stays encrypted; the case is identified everywhere else by a code.
cases-new-submit = Open the case
timeline-heading = Timeline
timeline-filters = Filter the timeline
timeline-empty = Nothing matches. Record an incident or add evidence to start the timeline.
timeline-pages = Timeline pages
timeline-newest = Newest entries
timeline-older = Older entries
filter-any = Any
filter-kind = Type
filter-from = From
filter-to = To
filter-apply = Apply
filter-clear = Clear filters

## Subjects
subjects-heading = People causing harm
subjects-none = Nobody added yet.
subjects-add-heading = Add a person
subjects-phones-help = One per line. Numbers are stored in international form (+1…).
subjects-handles-help = One per line, optionally as platform:handle (instagram:jdoe).
subjects-add-submit = Add the person
label-name = Name or alias
label-relationship = Relationship
label-phones = Phone numbers
label-region = Country for numbers without +code
label-emails = Email addresses
label-handles = Social media handles
label-notes = Notes

## Incidents
label-reason = Why it is being corrected
incident-reason-help = The earlier version stays in the history; the reason is kept with the correction.
label-when = When it happened
label-date = Date
label-time = Time (if known)
incident-time-help = Leave the time empty if only the date is known.
label-approximate = The time is approximate
label-channel = How it reached the survivor
label-behaviours = What happened
behaviour-general = in general
behaviour-group-other = Other
label-subject = Person causing harm
subject-none-chosen = Not known or not chosen
label-narrative = What happened, in the survivor's words
incident-narrative-help = Write it as the survivor tells it. You can correct it later; nothing is overwritten.
label-location = Where
label-witnesses = Witnesses
label-police-report = Police report number
label-injuries = Injuries
label-fear = Fear, from 0 to 10
fear-not-asked = Not asked
fear-0 = 0 — no fear
fear-1 = 1
fear-2 = 2
fear-3 = 3
fear-4 = 4
fear-5 = 5
fear-6 = 6
fear-7 = 7
fear-8 = 8
fear-9 = 9
fear-10 = 10 — extreme fear
label-evidence = Evidence that supports it
incident-add-submit = Record the incident
incident-amend-submit = Record the correction
incident-amend-link = Correct this incident
incident-versions = { $count ->
    [one] History: 1 version
   *[other] History: { $shown } versions
}
version-current = current
version-corrected-because = Corrected because:
version-first = First recorded.

## Evidence
evidence-heading = Evidence
evidence-added-heading = Stored and encrypted. Each file's SHA-256 was computed as it arrived:
evidence-already-in-case = already in this case; not added again
evidence-upload-heading = Add files
label-source = Where the files came from
evidence-source-help = For example: "survivor's phone, screenshots of messages".
label-note = Note
label-files = Files
evidence-files-help = Choose files or drop them here. They are hashed and encrypted as they arrive.
evidence-upload-progress = Upload progress
evidence-upload-submit = Add the files
evidence-list-heading = Files in this case
size-bytes = { $count ->
    [one] 1 byte
   *[other] { $shown } bytes
}
col-action = Action
col-actor = By
col-detail = Detail

## Journal
journal-heading = Journal
journal-intro = Every change to this case is an entry in an append-only journal. Each entry is hashed into a tree whose root is signed by this vault, so any later change to the record can be detected.
journal-events = { $count ->
    [one] 1 entry
   *[other] { $shown } entries
}
journal-verified-ok = Verified: { $count ->
    [one] 1 entry
   *[other] { $shown } entries
}, every hash, root and signature recomputed.
journal-verified-failed = { $count ->
    [one] Verification FAILED: 1 problem.
   *[other] Verification FAILED: { $shown } problems.
}
journal-verify-submit = Verify now

## Imports
evidence-import-hint = Messages, calls or emails exported from a phone or mail program?
evidence-import-link = Import the export to read them into the case.
import-heading = Import messages, calls, email or a photo
import-intro = The file is kept as evidence exactly as it is, hashed and encrypted as it arrives. Cairn then reads the stored copy and adds what it holds to this case. Importing the same file again adds nothing twice.
import-form-kind = What kind of file is it?
import-form-kind-choose = Choose the kind of file
import-form-bring-sms_backup = the XML file made by the SMS Backup & Restore app (messages, MMS pictures or the call log).
import-form-bring-whatsapp = the file made by "Export chat" in WhatsApp: the .txt file, or the .zip with media.
import-form-bring-email = one email saved as .eml, or a whole mailbox in mbox format.
import-form-bring-photo = a photo or screenshot; Cairn reads the time, camera and place written into it.
import-form-region-help = For numbers written without +code, like (415) 555-0142. Two letters, such as US, MX or ES.
import-form-owner = The survivor's own numbers, addresses or chat name
import-form-owner-help = Separate several with commas. They tell Cairn which side of a conversation is the survivor's.
import-form-chat-legend = Only for WhatsApp chats
import-form-time-zone = Time zone of the chat's times
import-form-time-zone-help = WhatsApp writes times without a zone. Leave empty to use this computer's zone ({ $zone }), or give one like America/Chicago.
import-form-date-order = Date order
import-form-date-order-help = Leave on automatic unless Cairn says the dates are ambiguous.
import-form-order-auto = Automatic (decided from the whole chat)
import-form-order-dmy = Day/month/year (31/12/2024)
import-form-order-mdy = Month/day/year (12/31/2024)
import-form-order-ymd = Year/month/day (2024/12/31)
import-form-chat-name = Chat name
import-form-chat-name-help = Only needed when the file name does not say who the chat is with.
import-form-source = Where the file came from
import-form-source-help = For example: "survivor's phone, backup made on 2026-11-20".
import-form-file = The file
import-form-file-help = One file at a time. It is hashed and encrypted as it arrives; large files may take a few minutes.
import-form-submit = Import the file
import-form-choose-kind = Choose what kind of file it is, then try again.
import-form-choose-file = Choose the file to import.
import-progress-storing = Uploading, hashing and encrypting the file…
import-progress-reading = Reading the messages in the stored copy…
import-progress-saving = Saving to the case…
import-progress-failed = The upload stopped before it finished. Nothing was recorded; please try again.
import-earlier-heading = Imported into this case
import-earlier-none = Nothing has been imported into this case yet.
import-result-heading = Imported: { $kind }
import-result-already-heading = Already imported
import-result-already = { $name } was already imported into this case with the same settings (evidence { $id }). Nothing was added twice.
import-result-kind = Kind
import-result-evidence = Kept as evidence
import-result-importer = Read with
import-result-time-zone = Times read in the time zone
import-result-evidence-link = See the file in the evidence list, with its chain of custody
import-result-counts-heading = What the file held
import-result-read = Read
import-result-new = New
import-result-repeated = Already in the case
import-result-files = Files
import-result-skipped = Skipped
import-result-warning = Warning:
import-result-declared-mismatch = the file says it holds { $declared } records, but { $found } were found. It may have been cut short or edited after the app wrote it.
import-result-missing-media = { $count ->
    [one] 1 picture or media file named in the export is not in it.
   *[other] { $shown } pictures or media files named in the export are not in it.
}
import-result-skipped-heading = Records that could not be read
import-result-skipped-help = These records are still in the evidence file; they were not added to the case's messages.
import-result-where = Where in the file
import-result-why = Why
import-result-skipped-more = { $count ->
    [one] …and 1 more skipped record, not listed here.
   *[other] …and { $shown } more skipped records, not listed here.
}
import-result-photo-heading = What the file says
import-result-photo-help = Phones and cameras write these details into the file. They can be wrong or changed later, so treat them as what the file claims, not as facts.
import-result-photo-taken = The file says it was taken on { $at } (UTC{ $offset }).
import-result-photo-taken-no-zone = The file says it was taken on { $at } (it does not say in which time zone).
import-result-photo-device = The file says the camera was: { $device }.
import-result-photo-place = The file says it was taken at latitude { $lat }, longitude { $lon }.
import-result-photo-nothing = The file holds no time, camera or place.
import-result-unassigned-heading = Numbers and names not matched to anyone yet
import-result-unassigned-help = If one of these is a person causing harm, choose them: their messages and calls will then count as theirs.
import-result-see-messages = See the messages and calls
import-result-another = Import another file

## Messages and counterparts
comms-heading = Messages and calls
comms-filters = Filter the messages
comms-review-only = Only those flagged for review
comms-review-flag = Flagged for review:
comms-none = No messages or calls match.
comms-call-lasted = Call lasting { $duration }
comms-attachments = Attachments:
comms-pages = Message pages
comms-first-page = First page
comms-next-page = Later messages
comms-bad-filter = This filter could not be read: "{ $value }". Use the form to choose it again.
counterparts-heading = Numbers and names in imports
counterparts-intro = Everyone the imported messages, calls and emails name, with how often and when. Matching one to a person causing harm adds it to that person's identifiers.
counterparts-none = Nothing has been imported into this case yet.
counterparts-import-link = Import an export
assign-label = Person causing harm for { $counterpart }
assign-choose = Choose a person
assign-submit = This is them
assign-add-person-first = Add the person first
assign-withheld-note = Withheld numbers cannot be matched to a person.
assign-choose-subject = Choose the person this number or name belongs to.
assign-withheld = A withheld number stands for any hidden caller, so it cannot be matched to one person.
assign-done = { $counterpart } is now one of { $subject }'s identifiers: every message and call with it counts as theirs.

## Errors
error-csrf = This form expired or did not come from Cairn. Go back, reload the page and try again.
error-page-not-found = This page does not exist.
error-upload = The upload could not be read. Please try again.
error-locked = The vault is locked.
title-pattern = Pattern of contact
nav-pattern = Pattern
pattern-heading = Pattern of contact
pattern-filter-subject = Person
pattern-filter-everyone = Everyone
pattern-filter-no-contact = No contact asked from
pattern-filter-tz = Time zone
pattern-filter-apply = Show
pattern-web-none = No messages or calls to analyse yet: import an export first.
pattern-review-note = Messages that match the review word list are flagged for a person to read. A flag is not a finding that a message is a threat.
pattern-review-link = Read the messages flagged for review
pattern-others = Others, by number of contacts

## Exports
nav-export = Export
export-web-heading = Export
export-web-intro = Everything exported here is recorded in the case journal: when, by whom, what and for whom. The file is built in memory and downloaded by this browser; save it where only you and the recipient can reach it. Pictures lose their location and device metadata unless you ask for the originals. Imported files (SMS backups, chat exports, mailboxes) go in as received, so pictures inside them keep their metadata; choose the people and period with care.
export-web-kind = What to export
export-web-recipient = Who it is for
export-web-recipient-help = Recorded in the journal, for example "Family court, Dept. 4" or "Detective R., case 24-0113".
export-web-purpose = Why it is being shared (optional)
export-web-from = First day (optional)
export-web-to = Last day (optional)
export-web-subjects = Only about these people (optional)
export-web-subjects-help = Leave all unticked to include everyone.
export-web-originals = Court packet: include pictures with their original location and device metadata
export-web-originals-help = Only when a court needs the originals: metadata can show where the survivor lives now.
export-web-submit = Export and download
export-web-history = Exports of this case
export-web-bad-date = "{ $value }" is not a date (use YYYY-MM-DD).
export-web-pick-kind = Choose what to export.

## Device and network checks
nav-checks = Device checks
checks-web-heading = Device and network checks
checks-web-intro = Checks of phones and network captures in this case, newest first. Run a check with cairn scan (a phone over USB, an AndroidQF acquisition, a bug report or a capture); each is kept as evidence and can be checked again with newer indicator lists.
checks-web-none = No device or network check in this case yet.
checks-web-col-kind = Check
checks-web-col-outcome = Result
checks-web-col-findings = Findings
checks-web-counts = { $high } high, { $medium } medium, { $low } low
checks-web-apps = Findings by app:
checks-web-all-apps = all
checks-web-seen-in = Seen in:
checks-web-back = All checks of this case
checks-web-run-heading = Check a file
checks-web-run-intro = An AndroidQF acquisition (zip), an Android bug report, or a network capture (pcap, pcapng). The file is kept as evidence, encrypted as it arrives, and checked against the registered indicator files. For a phone on USB, use cairn scan android on this computer.
checks-web-kind = What the file is
checks-web-file = File
checks-web-submit = Keep and check

## Resources
nav-resources = Find help
resources-web-heading = Find help
resources-web-intro = National hotlines and services built into Cairn. Searching here sends nothing anywhere: the list is on this computer.
resources-web-need = What is needed
resources-web-any = anything
resources-web-language = Language (e.g. es)
resources-web-place = City, county or state
resources-web-search = Search
resources-web-services = Helps with
