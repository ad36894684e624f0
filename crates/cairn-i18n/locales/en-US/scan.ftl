## Device and network check findings (cairn-scan).
## Every finding kind has: a title, what it means, what it does NOT mean,
## and a safety caution. Variables are the finding's parameters.

scan-caution-general = Removing monitoring software, changing settings or confronting the person can alert whoever installed it, and that can make things more dangerous. Make a safety plan first, with an advocate if you can. Keep a record of what was found before anything is changed.

## Overall outcome

scan-outcome-concerns = This check found signs that deserve attention. Read each one with the person before deciding anything.
scan-outcome-minor-only = This check found only settings or states that make monitoring easier. None of them is, by itself, a sign that someone is monitoring this device.
scan-outcome-nothing-found-within-limits = This check did not find known monitoring apps or signs of them. This does not prove the device is free of monitoring: indicator lists are incomplete, new apps appear all the time, and someone may have access to accounts (email, cloud backups, location sharing) without any app on the device.
scan-outcome-nothing-found-incomplete = This check did not find known monitoring apps, but some parts could not be checked (listed below). A result like this is not a clean bill of health.

scan-indicators-credit = Indicators: { $source } (version { $version }). Stalkerware indicators by the Echap stalkerware-indicators project, licensed CC BY 4.0.

## Gaps

scan-gap-missing = Not checked: the acquisition does not contain { $what }.
scan-gap-unreadable = Not checked: { $what } could not be read ({ $at }).
scan-gap-truncated = Checked only in part: { $what } (stopped at byte { $offset }).
scan-gap-unsupported = Not checked: { $what } is in a form this version does not understand.
scan-gap-opaque = Not inspectable: { $count } { $what } are encrypted or otherwise hidden from this check.
scan-gap-no-indicators = Not checked against known monitoring apps: no indicator list was loaded.

## Findings

scan-stalkerware-app = Known stalkerware installed: { $app }
    .title = Known stalkerware installed: { $app } ({ $package })
    .means = An app on this device matches a known stalkerware app. Stalkerware is sold to secretly watch another person: it can share messages, calls, location, photos and more with whoever installed it.
    .not-means = It does not tell who installed it or when, and it does not prove that anyone is watching right now. It also does not mean the person did anything wrong.
    .caution = Do not uninstall it yet. Removing it can alert the person who installed it and can erase evidence. Document it first and plan with an advocate.
scan-watchware-app = Monitoring app installed: { $app }
    .title = Monitoring app installed: { $app } ({ $package })
    .means = An app on this device is a known monitoring app that does not hide itself, such as a family locator or parental control app. It can share location or activity with another person's account.
    .not-means = These apps are often installed openly and with consent (for a child, or among family members). Its presence alone is not stalkerware; what matters is whether the person knows about it and agreed to it.
    .caution = Check with the person whether they set it up and who can see its data. Turning off sharing can be noticed by the other account.
scan-stalkerware-certificate = App signed by a stalkerware developer: { $package }
    .title = App signed by a stalkerware developer: { $package }
    .means = An app on this device was signed with the same signing key as known stalkerware ({ $app }). The name may look harmless, but the key shows who built it.
    .not-means = It does not show who installed it. A developer key is a strong sign, but the indicator lists can contain mistakes.
    .caution = Do not uninstall it yet; document it and plan first.
scan-stalkerware-certificate-owner = App signed under a stalkerware vendor's name: { $package }
    .title = App signed under a stalkerware vendor's name: { $package }
    .means = The signing certificate of this app names an organisation or follows a naming pattern used by a known stalkerware vendor ({ $app }).
    .not-means = Names in certificates can be copied or coincide; this is weaker than a key match and needs a closer look.
    .caution = Look at the app with an advocate before changing anything.
scan-stalkerware-file-hash = Known stalkerware file: { $package }
    .title = Known stalkerware file: { $package }
    .means = The installation file of this app is identical to a known stalkerware sample ({ $app }).
    .not-means = It does not say who installed it or when.
    .caution = Do not uninstall it yet; document it and plan first.
scan-network-stalkerware-server = Contact with a stalkerware server: { $app }
    .title = Traffic to servers used by { $app }
    .means = Devices on this network contacted servers that { $app } uses to send collected data ({ $observed }; { $count } times). This is how monitoring apps report to whoever installed them.
    .not-means = A capture shows which network connections happened, not which device or app made them. It does not prove what data was sent.
    .caution = Blocking these servers or removing the app can alert the person receiving the data. Keep the capture as evidence and plan first.
scan-network-stalkerware-website = Visits to a stalkerware vendor's website: { $app }
    .title = Visits to the website of { $app }
    .means = A device on this network opened the website of a monitoring app vendor ({ $observed }; { $count } times). Some apps also use their website to report data.
    .not-means = Someone researching stalkerware (including the person being checked, or an advocate) would also cause this. On its own it does not show that the app is installed.
    .caution = Think about who uses this network before drawing conclusions.
scan-network-stalkerware-download = Download of stalkerware: { $app }
    .title = Traffic to where { $app } is downloaded from
    .means = A device on this network contacted a site that distributes { $app } ({ $observed }). Someone may have downloaded it to install on a device.
    .not-means = It does not show which device downloaded it or whether it was installed.
    .caution = Check the devices used on this network, starting with the person's phone.
scan-device-admin = App with device administrator rights: { $package }
    .title = App with device administrator rights: { $package }
    .means = This app is a device administrator. Admin rights let an app lock the screen, watch unlock attempts, wipe the device, or make itself hard to uninstall. Stalkerware often asks for them.
    .not-means = Work, school and security apps (and Find My Device) use admin rights too. An unfamiliar admin app is a reason to look closer, not proof of monitoring.
    .caution = Removing admin rights can notify the app's owner. Document it first.
scan-device-owner = This device is managed by an organisation or app: { $package }
    .title = Device managed by { $package }
    .means = An app is the "device owner": it can control almost everything on the device, including installing apps and reading some activity.
    .not-means = Phones issued by an employer or school are managed this way on purpose. A personal phone normally has no device owner.
    .caution = Ask the person whether the phone came from an employer or school. Removing management may erase the phone.
scan-accessibility-service = App that can read the screen: { $package }
    .title = App using accessibility access: { $package }
    .means = This app has accessibility access, which lets it see everything shown on the screen and what is typed, and act on the person's behalf. Stalkerware uses it to capture messages and passwords.
    .not-means = Screen readers, password managers and automation apps use it for good reasons.
    .caution = If the person did not turn this on, plan before turning it off: the other side may notice.
scan-notification-listener = App that can read notifications: { $package }
    .title = App reading notifications: { $package }
    .means = This app can read every notification, including message previews and two-factor codes.
    .not-means = Smartwatch, car and messaging helper apps use this access normally.
    .caution = If the person does not recognise the app, document it before changing the setting.
scan-usage-access = App that can see app usage: { $package }
    .title = App with usage access: { $package }
    .means = This app can see which apps are used and when.
    .not-means = Battery, wellbeing and parental-control apps use this too.
    .caution = Note it with the other findings; on its own it is weak.
scan-sensitive-permissions = App with access to location, messages, calls, microphone or camera: { $package }
    .title = Sensitive access held by { $package }
    .means = This app has been granted: { $permissions }. These are the kinds of access monitoring apps need.
    .not-means = Many ordinary apps need some of these (a messaging app uses the camera and microphone). It matters most for apps the person does not recognise.
    .caution = Review with the person which of these they expect this app to have.
scan-sideloaded-app = App installed from outside an app store: { $package }
    .title = App installed outside an app store: { $package }
    .means = This app was not installed from an official store (installer: { $installer }). Stalkerware cannot be sold through app stores, so it is installed this way, usually by someone holding the phone.
    .not-means = People also install apps this way on purpose (for example from F-Droid, or apps for work). It is a reason to ask, not proof.
    .caution = Ask the person whether they installed it. Do not uninstall before planning.
scan-hidden-app-with-sensitive-permissions = Hidden app with sensitive access: { $package }
    .title = App without an icon that holds sensitive access: { $package }
    .means = This app has no icon in the app drawer but holds sensitive access ({ $permissions }) or special rights. Hiding the icon is typical of stalkerware.
    .not-means = Some legitimate background services also have no icon. Check whether the person recognises the name.
    .caution = Hidden apps are the ones most likely to report their removal. Plan first.
scan-play-protect-off = Google Play Protect is turned off
    .title = App scanning (Play Protect) is turned off
    .means = The setting that scans apps for harmful behaviour is off ({ $setting }). Stalkerware instructions tell buyers to turn it off so the app is not flagged.
    .not-means = Some people turn it off themselves, and some phones without Google services do not have it.
    .caution = Turning it back on may flag and remove a monitoring app, which the other side may notice. Plan first.
scan-unknown-sources-allowed = Installing apps from outside stores is allowed
    .title = Apps may be installed from outside app stores
    .means = The device allows installing apps from files or websites ({ $apps }). This is how stalkerware gets installed.
    .not-means = It is also needed for some legitimate apps and stores.
    .caution = It is usually safe to turn this off after the plan is made.
scan-developer-options-on = Developer options are on
    .title = Developer options are turned on
    .means = Hidden settings for app developers are enabled. Installing or controlling apps from a computer needs them.
    .not-means = Many people turn them on for harmless reasons.
    .caution = Note it with the other findings.
scan-usb-debugging-on = USB debugging is on
    .title = USB or wireless debugging is on
    .means = A computer connected to the phone (or, for wireless debugging, on the same network) can install apps and read data, if the phone has trusted it before.
    .not-means = { $needed_for_this_check ->
        [true] This check itself needs USB debugging, so it is expected to be on right now.
       *[false] Developers and some repair or backup tools use it; it may have been left on.
    }
    .caution = Turn it off after the check, unless the plan says otherwise.
scan-device-rooted = The device appears to be rooted
    .title = Signs the device is rooted or its security is unlocked
    .means = Signs found: { $signals }. A rooted phone lets apps bypass Android's protections; some stalkerware needs root to read messages from other apps.
    .not-means = Some people root their own phones. Root also lets monitoring hide from checks like this one, so a clean result means less on a rooted phone.
    .caution = Undoing root usually means resetting the phone: back up evidence first.
scan-security-patch-old = Security updates are old
    .title = Security updates are { $age_days } days old
    .means = The latest security patch on this device is from { $patch_level }. Known flaws that let apps or people get in may not be fixed.
    .not-means = It is not a sign of monitoring; many older phones no longer get updates.
    .caution = Updating is usually safe and helps; if updates are no longer offered, consider a newer device for private communication.

## Safety-plan options suggested by findings

scan-plan-plan-before-removing = Make a plan before removing anything
scan-plan-document-evidence = Document what was found (screenshots, this report) and keep it somewhere safe
scan-plan-advocate-tech-safety-check = Go through a technology safety check with an advocate
scan-plan-safe-device = Use a safer device the other person has never had access to for private communication
scan-plan-report-to-police = Consider reporting to police, with the evidence
scan-plan-review-family-sharing = Review family sharing and location sharing settings
scan-plan-ask-who-manages-device = Find out who manages the device (employer, school, someone else)
scan-plan-review-app-permissions = Review which apps have which permissions
scan-plan-turn-on-play-protect = Turn Play Protect back on when it is safe
scan-plan-review-install-sources = Turn off installing apps from unknown sources when it is safe
scan-plan-review-developer-options = Turn off developer options and debugging when it is safe
scan-plan-update-device = Install available updates
