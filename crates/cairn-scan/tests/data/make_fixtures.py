#!/usr/bin/env python3
"""Writes the Android device fixtures used by the tests.

Three devices (Android 10, 12, 14) are described once, below, and rendered
in the shapes real tools produce:

- tests/data/androidqf/androidNN/  an AndroidQF acquisition folder
  (packages.json, dumpsys.txt, getprop.txt, settings_*.txt, ps.txt, ...)
- tests/data/adb/androidNN/        recorded `adb shell` outputs plus a
  manifest, served by the replaying ADB server
- tests/data/bugreport/android13/  the main text file of an `adb bugreport`

Formats follow AOSP's dumpsys/pm/settings/getprop output and AndroidQF's
packages.json. Package names, certificates and domains of monitoring apps
are real indicators from the stalkerware-indicators data set; everything
else (serials, hashes, paths) is invented. Run from the crate directory:
    python3 tests/data/make_fixtures.py
"""

import hashlib
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

GRANTED_INSTALL = ["android.permission.INTERNET", "android.permission.RECEIVE_BOOT_COMPLETED",
                   "android.permission.FOREGROUND_SERVICE", "android.permission.WAKE_LOCK"]
SPY_RUNTIME = ["android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_BACKGROUND_LOCATION",
               "android.permission.READ_SMS", "android.permission.RECEIVE_SMS", "android.permission.READ_CALL_LOG",
               "android.permission.RECORD_AUDIO", "android.permission.CAMERA", "android.permission.READ_CONTACTS"]


def h(seed, n):
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def pkg(name, uid, installer, system=False, launcher=True, runtime=(), cert_sha1=None, subject=None,
        enabled=0, installed=True, requested=None):
    return dict(name=name, uid=uid, installer=installer, system=system, launcher=launcher, runtime=list(runtime),
                cert_sha1=cert_sha1 or h("cert" + name, 40), subject=subject, enabled=enabled, installed=installed,
                requested=requested)


SYSTEM = [
    pkg("android", 1000, None, system=True, launcher=False),
    pkg("com.android.settings", 1000, None, system=True),
    pkg("com.android.vending", 10019, None, system=True),
    pkg("com.google.android.gms", 10012, None, system=True, launcher=False,
        runtime=["android.permission.ACCESS_BACKGROUND_LOCATION", "android.permission.CAMERA"]),
    pkg("com.android.chrome", 10101, None, system=True),
    pkg("com.google.android.marvin.talkback", 10088, None, system=True, launcher=False),
]

DEVICES = {
    "android10": dict(
        sdk=29, release="10", manufacturer="samsung", model="SM-A405FN", device="a40",
        build="QP1A.190711.020.A405FNXXU3BTJ1", patch="2020-10-01", serial="R58M42ABCDE",
        pathstyle="old",
        packages=SYSTEM + [
            pkg("com.whatsapp", 10271, "com.android.vending",
                runtime=["android.permission.CAMERA", "android.permission.RECORD_AUDIO", "android.permission.READ_CONTACTS"]),
            pkg("com.estrongs.android.pop", 10275, "com.android.vending"),
            # TheTruthSpy, installed from a downloaded APK, icon hidden.
            pkg("com.systemservice", 10280, "com.google.android.packageinstaller", launcher=False,
                runtime=SPY_RUNTIME, cert_sha1="31A6ECECD97CF39BC4126B8745CD94A7C30BF81C",
                subject="C=US, ST=CA, L=LA, O=System Service, CN=System"),
        ],
        admins=[("com.systemservice", ".receiver.AdminReceiver"),
                ("com.google.android.gms", "com.google.android.gms.mdm.receivers.MdmDeviceAdminReceiver")],
        a11y=["com.systemservice/com.systemservice.services.KeyLoggerService"],
        listeners=["com.systemservice/com.systemservice.services.NotificationService"],
        usage=["com.systemservice"], install_ok=["com.estrongs.android.pop", "com.android.chrome"],
        global_settings={"package_verifier_enable": "0", "adb_enabled": "0", "development_settings_enabled": "0"},
        secure_settings={}, root_binaries=[], extra_ps=["com.systemservice", "com.systemservice:remote"],
    ),
    "android12": dict(
        sdk=31, release="12", manufacturer="Xiaomi", model="Redmi Note 10", device="mojito",
        build="SKQ1.210908.001", patch="2022-03-01", serial="5a6b7c8d",
        pathstyle="new",
        packages=SYSTEM + [
            pkg("com.life360.android.safetymapd", 10301, "com.android.vending",
                runtime=["android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_BACKGROUND_LOCATION"]),
            # MyCellSpy's certificate under an innocent-looking name.
            pkg("com.android.battery.optimizer", 10305, None, launcher=False, runtime=SPY_RUNTIME[:5],
                cert_sha1="D09EE9D79FF75E737429DDE34FD13EDFDDA34E78"),
            # Signed by the KidsShield developer's organisation only.
            pkg("com.kids.safety.helper", 10307, "com.google.android.packageinstaller",
                runtime=["android.permission.ACCESS_FINE_LOCATION"],
                subject="C=MD, L=Chisinau, O=Tesline-Service SRL, CN=Kids Safety 01-02-2021 10:11:12"),
            pkg("com.topjohnwu.magisk", 10309, None),
            pkg("org.fdroid.fdroid", 10310, "com.google.android.packageinstaller"),
        ],
        admins=[], a11y=[], listeners=["com.android.battery.optimizer/.NotifSvc"], usage=[],
        install_ok=["org.fdroid.fdroid"],
        global_settings={"package_verifier_enable": "1", "adb_enabled": "1", "development_settings_enabled": "1",
                         "adb_wifi_enabled": "0"},
        secure_settings={}, root_binaries=["/sbin/su", "/system/xbin/su"], extra_ps=["magiskd"],
    ),
    "android14": dict(
        sdk=34, release="14", manufacturer="Google", model="Pixel 7", device="panther",
        build="UQ1A.240205.004", patch="2026-05-05", serial="2B111FDH200ABC",
        pathstyle="new",
        packages=SYSTEM + [
            pkg("com.whatsapp", 10271, "com.android.vending",
                runtime=["android.permission.CAMERA", "android.permission.RECORD_AUDIO"]),
            pkg("org.signal", 10272, "com.android.vending", runtime=["android.permission.READ_CONTACTS"]),
            pkg("com.duolingo", 10273, "com.android.vending"),
        ],
        admins=[("com.google.android.gms", "com.google.android.gms.mdm.receivers.MdmDeviceAdminReceiver")],
        a11y=[], listeners=[], usage=[], install_ok=[],
        global_settings={"package_verifier_enable": "1", "adb_enabled": "0", "development_settings_enabled": "0"},
        secure_settings={}, root_binaries=[], extra_ps=[],
    ),
}


def code_path(d, p):
    if p["system"]:
        return "/system/priv-app/%s" % p["name"].split(".")[-1].capitalize()
    if d["pathstyle"] == "old":
        return "/data/app/%s-%s==" % (p["name"], h(p["name"], 22))
    return "/data/app/~~%s==/%s-%s==" % (h("a" + p["name"], 22), p["name"], h("b" + p["name"], 22))


def getprop(d):
    props = {
        "ro.build.version.sdk": str(d["sdk"]), "ro.build.version.release": d["release"],
        "ro.build.version.security_patch": d["patch"], "ro.product.manufacturer": d["manufacturer"],
        "ro.product.model": d["model"], "ro.product.device": d["device"], "ro.build.id": d["build"].split(".")[0],
        "ro.build.fingerprint": "%s/%s/%s:%s/%s:user/release-keys" % (d["manufacturer"].lower(), d["device"], d["device"], d["release"], d["build"]),
        "ro.build.tags": "release-keys", "ro.build.type": "user", "ro.debuggable": "0", "ro.secure": "1",
        "ro.boot.verifiedbootstate": "orange" if d["root_binaries"] else "green",
        "persist.sys.timezone": "America/Chicago", "ro.serialno": d["serial"],
        "dalvik.vm.heapsize": "512m", "gsm.sim.operator.alpha": "T-Mobile",
    }
    return "".join("[%s]: [%s]\n" % (k, v) for k, v in sorted(props.items()))


def settings(d):
    g = {"airplane_mode_on": "0", "auto_time": "1", "bluetooth_on": "1", "wifi_on": "1",
         "verifier_verify_adb_installs": "1", "stay_on_while_plugged_in": "0"}
    g.update(d["global_settings"])
    s = {"android_id": h(d["serial"], 16), "location_mode": "3", "lock_screen_show_notifications": "1",
         "install_non_market_apps": "0" if d["sdk"] < 26 else None,
         "enabled_accessibility_services": ":".join(d["a11y"]) or None,
         "accessibility_enabled": "1" if d["a11y"] else "0",
         "enabled_notification_listeners": ":".join(
             d["listeners"] + ["com.google.android.gms/.nearby.exposurenotification.ExposureNotificationListener"]),
         "default_input_method": "com.google.android.inputmethod.latin/com.android.inputmethod.latin.LatinIME"}
    s = {k: v for k, v in s.items() if v is not None}
    sy = {"screen_brightness": "102", "font_scale": "1.0", "volume_ring": "5", "time_12_24": "12"}
    return {"global": g, "secure": s, "system": sy}


def package_block(d, p):
    cp = code_path(d, p)
    flags = "[ SYSTEM HAS_CODE ALLOW_CLEAR_USER_DATA ]" if p["system"] else "[ HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]"
    out = ["  Package [%s] (%s):" % (p["name"], h("p" + p["name"], 7)),
           "    userId=%d" % p["uid"],
           "    pkg=Package{%s %s}" % (h("q" + p["name"], 7), p["name"]),
           "    codePath=%s" % cp, "    resourcePath=%s" % cp,
           "    legacyNativeLibraryDir=%s/lib" % cp,
           "    primaryCpuAbi=arm64-v8a", "    secondaryCpuAbi=null",
           "    versionCode=%d minSdk=23 targetSdk=%d" % (int(h("v" + p["name"], 6), 16), d["sdk"]),
           "    versionName=%d.%d.%d" % (p["uid"] % 7, p["uid"] % 11, p["uid"] % 13),
           "    splits=[base]", "    apkSigningVersion=2",
           "    applicationInfo=ApplicationInfo{%s %s}" % (h("r" + p["name"], 7), p["name"]),
           "    flags=%s" % flags,
           "    privateFlags=[ PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE_VIA_SDK_VERSION ]",
           "    dataDir=/data/user/0/%s" % p["name"],
           "    supportsScreens=[small, medium, large, xlarge, resizeable, anyDensity]",
           "    timeStamp=2021-03-14 10:22:31", "    firstInstallTime=2021-03-14 10:22:33",
           "    lastUpdateTime=2021-03-14 10:22:33"]
    if not p["system"]:
        out.append("    installerPackageName=%s" % (p["installer"] or "null"))
        if d["sdk"] >= 30:
            out.append("    installInitiator=%s" % (p["installer"] or "null"))
    out += ["    signatures=PackageSignatures{%s version:2, signatures:[%s], past signatures:[]}" % (h("s" + p["name"], 7), h("t" + p["name"], 8)),
            "    installPermissionsFixed=true", "    pkgFlags=%s" % flags]
    requested = p["requested"] or (GRANTED_INSTALL + p["runtime"])
    out.append("    requested permissions:")
    out += ["      %s" % r for r in requested]
    out.append("    install permissions:")
    out += ["      %s: granted=true" % r for r in GRANTED_INSTALL]
    out.append("    User 0: ceDataInode=%d installed=%s hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=%d instant=false virtual=false"
               % (-4294835000 - p["uid"], "true" if p["installed"] else "false", p["enabled"]))
    out.append("      gids=[3003]")
    if p["runtime"]:
        out.append("      runtime permissions:")
        out += ["        %s: granted=true, flags=[ USER_SET|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]" % r for r in p["runtime"]]
    return out


def dumpsys_package(d):
    out = ["Database versions:", "  Internal:", "    sdkVersion=%d databaseVersion=3" % d["sdk"], "",
           "Verifiers:", "  Required: com.android.vending (uid=10019)", "",
           "Activity Resolver Table:", "  Non-Data Actions:", "      android.intent.action.MAIN:"]
    for p in d["packages"]:
        if p["launcher"]:
            act = "%s/.MainActivity" % p["name"]
            out += ["        %s %s filter %s" % (h("m" + p["name"], 7), act, h("f" + p["name"], 7)),
                    '          Action: "android.intent.action.MAIN"',
                    '          Category: "android.intent.category.LAUNCHER"']
    # A MAIN activity without LAUNCHER: settings sub-screens look like this.
    out += ["        %s com.android.settings/.SubSettings filter %s" % (h("x", 7), h("y", 7)),
            '          Action: "android.intent.action.MAIN"',
            '          Category: "android.intent.category.DEFAULT"',
            "      android.intent.action.VIEW:",
            "        %s com.android.chrome/com.google.android.apps.chrome.IntentDispatcher filter %s" % (h("v", 7), h("w", 7)),
            "", "Receiver Resolver Table:", "  Non-Data Actions:", "      android.intent.action.BOOT_COMPLETED:"]
    for p in d["packages"]:
        if not p["system"]:
            out.append("        %s %s/.BootReceiver filter %s" % (h("b" + p["name"], 7), p["name"], h("c" + p["name"], 7)))
    out += ["", "Packages:"]
    for p in d["packages"]:
        out += package_block(d, p)
    out += ["", "Hidden system packages:", "  Package [com.android.chrome] (%s):" % h("hc", 7), "    userId=10101", ""]
    return "\n".join(out) + "\n"


def dumpsys_device_policy(d):
    out = ["Current Device Policy Manager state:", "  Immutable state:", "    mHasFeature=true", "",
           "  Enabled Device Admins (User 0, provisioningState: 0):"]
    for pkgname, recv in d["admins"]:
        comp = "%s/%s" % (pkgname, recv)
        p = next(x for x in d["packages"] if x["name"] == pkgname)
        out += ["    %s:" % comp, "      uid=%d" % p["uid"], "      testOnlyAdmin=false", "      policies:",
                "        force-lock", "        wipe-data", "        reset-password",
                "      passwordQuality=0x0", "      minimumPasswordLength=0"]
    out += ["", "    mPasswordOwner=-1", "", "  Constants:", "    DAS_DIED_SERVICE_RECONNECT_BACKOFF_SEC: 3600", ""]
    return "\n".join(out) + "\n"


def dumpsys_accessibility(d):
    if d["sdk"] < 30:
        out = ["ACCESSIBILITY MANAGER (dumpsys accessibility)", "", "User state[attributes:{id=0, currentUser=true",
               "  installed services: {"]
        out += ["    %d : %s" % (i, s) for i, s in enumerate(d["a11y"] + ["com.google.android.marvin.talkback/.TalkBackService"])]
        out += ["  }", "  enabled services: {"]
        out += ["    %d : %s" % (i, s) for i, s in enumerate(d["a11y"])]
        out += ["  }", "  binding services: {", "  }", "  bound services:{", "  }]"]
    else:
        enabled = ", ".join("{%s}" % s for s in d["a11y"])
        out = ["ACCESSIBILITY MANAGER (dumpsys accessibility)", "", "currentUserId=0", "User state[",
               "     attributes:{id=0, touchExplorationEnabled=false, installedServiceCount=1}",
               "     installed services: {",
               "      0 : com.google.android.marvin.talkback/.TalkBackService  (A11yTool)", "     }",
               "     Bound services:{}", "     Enabled services:{%s}" % enabled, "     Binding services:{}",
               "     Crashed services:{}]"]
    return "\n".join(out) + "\n"


def dumpsys_appops(d):
    out = ["Current AppOps Service state:", "  Settings:", "    top_state_settle_time=+30s0ms", ""]
    for p in d["packages"]:
        if p["system"] and p["name"] != "com.android.chrome":
            continue
        out += ["  Uid u0a%d:" % (p["uid"] - 10000), "    state=cch", "    Package %s:" % p["name"]]
        if p["name"] in d["usage"]:
            out.append("      GET_USAGE_STATS (allow):")
        if p["name"] in d["install_ok"]:
            out.append("      REQUEST_INSTALL_PACKAGES (allow):")
        out += ["      WAKE_LOCK (allow):", "          Access: [bg-s] 2026-06-01 08:12:44.123 (-2d3h1m2s3ms) duration=+12ms"]
    return "\n".join(out) + "\n"


def ps(d):
    out = ["USER           PID  PPID     VSZ    RSS WCHAN            ADDR S NAME",
           "root             1     0   57912   2084 0                   0 S init",
           "root             2     0       0      0 0                   0 S [kthreadd]",
           "system        1002     1 1999888  98765 0                   0 S system_server"]
    pid = 2000
    for name in ["com.android.systemui", "com.google.android.gms.persistent"] + d["extra_ps"]:
        pid += 17
        out.append("u0_a123     %5d   700 1234567  54321 0                   0 S %s" % (pid, name))
    return "\n".join(out) + "\n"


def packages_json(d):
    out = []
    for p in d["packages"]:
        cp = code_path(d, p)
        cert = {"Md5": h("md5" + p["name"], 32), "Sha1": p["cert_sha1"].lower(),
                "Sha256": h("sha256" + p["name"], 64),
                "ValidFrom": "2019-01-01T00:00:00Z", "ValidTo": "2049-01-01T00:00:00Z",
                "Issuer": p["subject"] or "C=US, O=%s, CN=%s" % ((p["name"].split(".") + ["android"])[1], p["name"]),
                "Subject": p["subject"] or "C=US, O=%s, CN=%s" % ((p["name"].split(".") + ["android"])[1], p["name"]),
                "SignatureAlgorithm": "SHA256-RSA", "SerialNumber": int(h("sn" + p["name"], 8), 16)}
        out.append({"name": p["name"], "files": [{
            "path": cp + "/base.apk", "local_name": "", "md5": h("fm" + p["name"], 32), "sha1": h("fs" + p["name"], 40),
            "sha256": h("f256" + p["name"], 64), "sha512": h("f512" + p["name"], 64) * 2, "error": "",
            "verified_certificate": True, "certificate": cert, "certificate_error": "",
            "trusted_certificate": p["system"]}],
            "installer": p["installer"] or "null", "uid": p["uid"], "disabled": p["enabled"] >= 2,
            "system": p["system"], "third_party": not p["system"]})
    return json.dumps(out, indent=4) + "\n"


def pm_list(d):
    lines = []
    for p in d["packages"]:
        lines.append("package:%s/base.apk=%s  installer=%s uid:%d" % (code_path(d, p), p["name"], p["installer"] or "null", p["uid"]))
    return "\n".join(lines) + "\n"


def section(name, body):
    return ("-------------------------------------------------------------------------------\n"
            "DUMP OF SERVICE %s:\n%s--------- 0.012s was the duration of dumpsys %s, ending at: 2026-06-20 14:02:11\n" % (name, body, name))


def dumpsys_all(d):
    return "".join([
        "Currently running services:\n  accessibility\n  appops\n  device_policy\n  notification\n  package\n",
        section("accessibility", dumpsys_accessibility(d)),
        section("appops", dumpsys_appops(d)),
        section("device_policy", dumpsys_device_policy(d)),
        section("notification", "Current Notification Manager state:\n  Notification List:\n"),
        section("package", dumpsys_package(d)),
    ])


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as f:
        f.write(text)


def main():
    for name, d in DEVICES.items():
        st = settings(d)
        qf = os.path.join(HERE, "androidqf", name)
        shutil.rmtree(qf, ignore_errors=True)
        # AndroidQF nests its files in a folder named after the acquisition UUID.
        qf = os.path.join(qf, "%s-%s-%s-%s-%s" % (h(name, 8), h(name + "1", 4), h(name + "2", 4), h(name + "3", 4), h(name + "4", 12)))
        write(os.path.join(qf, "packages.json"), packages_json(d))
        write(os.path.join(qf, "dumpsys.txt"), dumpsys_all(d))
        write(os.path.join(qf, "getprop.txt"), getprop(d))
        for ns in ("system", "secure", "global"):
            write(os.path.join(qf, "settings_%s.txt" % ns), "".join("%s=%s\n" % kv for kv in sorted(st[ns].items())))
        write(os.path.join(qf, "ps.txt"), ps(d))
        write(os.path.join(qf, "root_binaries.json"), json.dumps(d["root_binaries"]) + "\n")
        write(os.path.join(qf, "acquisition.json"), json.dumps({"uuid": os.path.basename(qf), "androidqf_version": "1.7.0",
                                                                "serial": d["serial"], "started": "2026-06-20T14:01:02Z"}, indent=2) + "\n")
        adb = os.path.join(HERE, "adb", name)
        shutil.rmtree(adb, ignore_errors=True)
        outputs = {
            "getprop": getprop(d),
            "pm list packages -f -i -U": pm_list(d),
            "dumpsys package": dumpsys_package(d),
            "dumpsys device_policy": dumpsys_device_policy(d),
            "dumpsys accessibility": dumpsys_accessibility(d),
            "dumpsys appops": dumpsys_appops(d),
            "dumpsys notification": "Current Notification Manager state:\n",
            "settings list system": "".join("%s=%s\n" % kv for kv in sorted(st["system"].items())),
            "settings list secure": "".join("%s=%s\n" % kv for kv in sorted(st["secure"].items())),
            # A phone answering over ADB has USB debugging on, whatever the AndroidQF copy says.
            "settings list global": "".join("%s=%s\n" % kv for kv in sorted(dict(st["global"], adb_enabled="1").items())),
            "ps -A": ps(d),
        }
        commands = {}
        for i, (cmd, text) in enumerate(sorted(outputs.items())):
            fname = "%02d-%s.txt" % (i, "-".join(w for w in cmd.split() if not w.startswith("-")))
            write(os.path.join(adb, fname), text)
            commands[cmd] = fname
        features = ["shell_v2", "cmd", "stat_v2", "ls_v2", "fixed_push_mkdir", "apex", "abb", "fixed_push_symlink_timestamp",
                    "abb_exec", "remount_shell", "track_app", "sendrecv_v2"] if d["sdk"] >= 30 else ["shell_v2", "cmd", "stat_v2"]
        manifest = {"serial": d["serial"], "state": "device", "model": d["model"].replace(" ", "_"), "product": d["device"],
                    "device": d["device"], "transport_id": {"android10": 1, "android12": 2, "android14": 3}[name],
                    "features": features, "commands": commands}
        write(os.path.join(adb, "device.json"), json.dumps(manifest, indent=2) + "\n")
    # A bug report from an Android 13 phone: one text file, sections in dumpstate's layout.
    d = dict(DEVICES["android12"], sdk=33, release="13", patch="2023-02-01", model="SM-G991B", manufacturer="samsung",
             device="o1s", build="TP1A.220624.014.G991BXXU5DWA1", serial="R5CR10ABCDE", root_binaries=[],
             pathstyle="new")
    st = settings(d)
    settings_dump = ["GLOBAL SETTINGS (user 0)"]
    for i, (k, v) in enumerate(sorted(st["global"].items())):
        settings_dump.append("_id:%d name:%s pkg:android value:%s default:%s defaultSystemSet:true" % (100 + i, k, v, v))
    settings_dump += ["", "SECURE SETTINGS (user 0)"]
    for i, (k, v) in enumerate(sorted(st["secure"].items())):
        settings_dump.append("_id:%d name:%s pkg:com.android.settings value:%s" % (300 + i, k, v))
    settings_dump += ["", "SYSTEM SETTINGS (user 0)", "_id:1 name:font_scale pkg:android value:1.0", ""]
    main = "".join([
        "========================================================\n== dumpstate: 2026-06-20 14:05:10\n========================================================\n\n",
        "Build: %s\nBuild fingerprint: 'samsung/o1sxeea/o1s:13/%s:user/release-keys'\n\n" % (d["build"], d["build"]),
        "------ SYSTEM PROPERTIES (getprop) ------\n", getprop(d),
        "------ 0.052s was the duration of 'SYSTEM PROPERTIES' ------\n",
        "------ PROCESSES AND THREADS (ps -A -T -Z -O pri,nice,rtprio,sched,pcy,time) ------\n", ps(d),
        "------ 0.101s was the duration of 'PROCESSES AND THREADS' ------\n",
        "------ DUMPSYS (/system/bin/dumpsys) ------\n",
        dumpsys_all(d), section("settings", "\n".join(settings_dump) + "\n"),
        "------ 12.440s was the duration of 'DUMPSYS' ------\n",
    ])
    br = os.path.join(HERE, "bugreport", "android13")
    shutil.rmtree(br, ignore_errors=True)
    write(os.path.join(br, "bugreport-o1sxeea-TP1A.220624.014-2026-06-20-14-05-10.txt"), main)
    write(os.path.join(br, "main_entry.txt"), "bugreport-o1sxeea-TP1A.220624.014-2026-06-20-14-05-10.txt\n")
    write(os.path.join(br, "version.txt"), "2.0\n")


if __name__ == "__main__":
    main()
