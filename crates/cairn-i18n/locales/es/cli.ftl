## Mensajes de la línea de órdenes (español). Mismas claves que en-US/cli.ftl.


## Frases de contraseña y bóveda
passphrase-prompt = Frase de contraseña de la bóveda
passphrase-prompt-new = Nueva frase de contraseña
passphrase-prompt-repeat = Repita la nueva frase de contraseña
passphrase-mismatch = las dos frases de contraseña no coinciden; no se cambió nada
passphrase-too-short = la frase de contraseña tiene { $given } caracteres; use al menos { $minimum } (varias palabras sin relación entre sí funcionan bien)
passphrase-none-given = no se indicó la frase de contraseña: use --passphrase-file ARCHIVO o la variable CAIRN_PASSPHRASE, o ejecute en una terminal para que se le pida
passphrase-prompt-failed = no se pudo leer la frase de contraseña desde la terminal
passphrase-file-unreadable = no se puede leer el archivo de la frase de contraseña { $path }
passphrase-changed = Frase de contraseña cambiada. La anterior ya no abre esta bóveda.
vault-no-default-dir = no se encuentra un directorio de datos para la bóveda; indique uno con --vault DIR
init-done = Se creó una bóveda cifrada en { $path }
init-fingerprint = Clave de firma: { $fingerprint }
init-warning = Guarde bien la frase de contraseña: nadie, ni siquiera Cairn, puede recuperarla ni abrir la bóveda sin ella.

## Casos, sujetos, incidentes, pruebas
case-created = Caso abierto: { $id }
case-none = Todavía no hay casos. Abra uno con: cairn case new --label "…"
subject-added = Sujeto añadido: { $id }
subject-none = No hay sujetos en este caso.
incident-recorded = Incidente registrado: { $id }
incident-amended = Se registró una versión corregida del incidente { $id }; las versiones anteriores siguen en el historial.
incident-none = No hay incidentes en este caso.
incident-history = { $count ->
    [one] Historial (1 versión):
   *[other] Historial ({ $count } versiones):
}
incident-history-recorded = #{ $seq } { $at } por { $actor }: registrado — { $narrative }
incident-history-amended = #{ $seq } { $at } por { $actor }: corregido ({ $reason }) — { $narrative }
evidence-progress = Calculando el hash y cifrando { $name }
progress-eta = (quedan unos {"{"}eta{"}"})
evidence-added = Prueba añadida: { $id } ({ $name })
evidence-duplicate = { $name } ya está en este caso como { $id }; no se añadió otra vez
evidence-none = No hay pruebas en este caso.
evidence-extracted = Se escribió la prueba { $id } en { $path } (registrado en la cadena de custodia)
custody-heading = Cadena de custodia:
file-unreadable = no se puede leer { $path }
flag-required = { $flag } es obligatorio

## Diario
journal-verified = Diario verificado: { $size ->
    [one] 1 evento
   *[other] { $size } eventos
}; se recalcularon todos los hashes, raíces y firmas.
journal-problems = { $count ->
    [one] La verificación del diario FALLÓ (1 problema):
   *[other] La verificación del diario FALLÓ ({ $count } problemas):
}
journal-bad-event = { $value } no es una posición del diario, ni un id de incidente o de prueba
proof-not-json = { $path } no es un archivo de prueba criptográfica de Cairn
proof-inclusion-valid = Válida: el evento #{ $index } está en el diario del caso { $case } de { $size } eventos, con una firma válida.
proof-consistency-valid = Válida: el diario del caso { $case } de { $old } eventos sigue intacto dentro del diario de { $new } eventos.
proof-invalid = la prueba NO es válida: { $reason }

## Errores de uso
usage-invalid-value = valor no válido «{ $value }» para { $arg }
usage-unknown-argument = opción desconocida { $arg }
usage-unknown-command = orden desconocida «{ $name }»
usage-missing-argument = falta { $arg }
usage-missing-command = hace falta una orden
usage-conflict = { $arg } no se puede usar junto con { $other }
usage-see-help = Para obtener ayuda, añada --help.

## Aplicación web
serve-listening = Cairn está funcionando en { $url }: ábralo en un navegador de este equipo.
serve-stop-hint = Pulse Ctrl-C para detenerlo; la bóveda se bloquea al detener Cairn.
serve-not-loopback = { $addr } no es una dirección local (loopback); Cairn solo escucha en este equipo salvo que se configure el modo de organización
serve-bad-exit-url = la dirección de salida rápida «{ $url }» debe ser una dirección http:// o https:// sencilla
serve-bad-idle = el bloqueo por inactividad debe ser de al menos 1 minuto
import-stage-storing = Calculando el hash y cifrando { $name }
import-stage-reading = Leyendo { $name }
import-stage-saving = Guardando { $name }
import-done = Se importó { $name } ({ $kind }) como evidencia { $id }
import-already = { $name } ya se había importado en este caso (evidencia { $id }); no se añadió nada
import-counts = { $read } leídos, { $added } nuevos, { $repeated } ya en el caso, { $files } archivos, { $skipped } omitidos
import-declared-mismatch = el archivo dice contener { $declared } registros pero se encontraron { $found }: puede que se cortara o editara después de que la aplicación lo escribiera
import-skipped-line = omitido en la línea { $line } (byte { $offset }): { $reason }
import-skipped-more = …y { $count } omitidos más (use --json para ver los primeros mil)
import-missing-media = { $count } archivos multimedia nombrados en el chat no estaban en la exportación
import-time-zone = horas leídas en la zona horaria { $zone }
import-photo-taken = el archivo dice que se tomó el { $at } { $offset }
import-photo-place = el archivo dice que se tomó en la latitud { $lat }, longitud { $lon }
import-photo-device = el archivo dice que la cámara era { $device }
import-unassigned = { $count ->
    [one] Una contraparte aún no está asociada a ninguna persona agresora:
   *[other] { $count } contrapartes aún no están asociadas a ninguna persona agresora:
}
import-unassigned-count = { $count ->
    [one] un mensaje o llamada
   *[other] { $count } mensajes y llamadas
}
counterpart-none = No hay contrapartes: no se ha importado nada en este caso.
counterpart-assigned = { $counterpart } es ahora un identificador de la persona { $subject }
messages-none = Ningún mensaje ni llamada coincide.
messages-duration = llamada de { $seconds } s
pattern-none = No hay mensajes ni llamadas que analizar: importe primero una exportación (cairn import).
pattern-review = { $count ->
    [one] un mensaje coincidió con la lista de palabras para revisión: una persona debería leerlo (cairn messages --review)
   *[other] { $count } mensajes coincidieron con la lista de palabras para revisión: una persona debería leerlos (cairn messages --review)
}
pattern-charts-written = { $count } gráficos escritos en { $dir }
evidence-extracted-inner = Se escribió { $name }, hallado dentro de la evidencia { $source }, en { $path } (registrado en la cadena de custodia de la fuente)
import-photo-none = no se pudieron leer metadatos de foto de este archivo; se guarda como evidencia simple

## Archivos de indicadores y revisiones de dispositivos
iocs-imported = Se registró el archivo de indicadores { $name }
iocs-downloading = Descargando { $files } desde { $from } (la única orden de Cairn que usa la red; no se envía nada sobre usted ni sus casos).
iocs-already = { $name } ya estaba registrado; no cambió nada
iocs-counts = { $apps } aplicaciones, { $packages } paquetes, { $domains } dominios, { $ips } direcciones IP, { $certificates } certificados
iocs-none = No hay archivos de indicadores registrados. Añádalos con: cairn iocs import ioc.yaml watchware.yaml
iocs-col-name = Archivo
iocs-col-version = Versión
iocs-col-apps = Aplicaciones
iocs-col-packages = Paquetes
iocs-col-domains = Dominios
iocs-col-loaded = Registrado
iocs-col-sha256 = SHA-256
scan-done = Se revisó { $name } ({ $kind }), guardado como evidencia { $id }
scan-kind-pcap = captura de tráfico
scan-kind-androidqf = adquisición de AndroidQF
scan-kind-bugreport = informe de errores de Android
scan-kind-adb = revisión en vivo por USB
scan-phone-progress = Leyendo el teléfono por USB (solo lectura)…
scan-phone-none = No hay ningún teléfono conectado. Conéctelo por USB, active la depuración USB, desbloquéelo y vuelva a hacer la revisión.
scan-phone-several = Hay varios teléfonos conectados ({ $listed }). Elija uno con --serial.
scan-phone-not-connected = No hay ningún teléfono { $serial } conectado. Conectados: { $listed }.
scan-phone-unauthorized = El teléfono { $serial } todavía no ha autorizado este equipo: desbloquéelo y acepte el aviso «¿Permitir depuración USB?», y vuelva a hacer la revisión.
scan-phone-not-ready = El teléfono { $serial } está { $state }, no listo. Vuelva a conectar el cable y desbloquéelo.
scan-indicators-used = Comparado con { $count ->
        [one] un archivo de indicadores:
       *[other] { $count } archivos de indicadores:
    }
scan-no-indicator-files = No hay archivos de indicadores registrados, así que no se comparó con aplicaciones de vigilancia conocidas. Añádalos con: cairn iocs import
scan-severity-high = Preocupación alta ({ $count })
scan-severity-medium = Preocupación media ({ $count })
scan-severity-low = Preocupación baja ({ $count })
scan-severity-info = Para información ({ $count })
scan-means-label = Qué significa:
scan-not-means-label = Qué no significa:
scan-caution-label = Seguridad:
scan-matched-indicator = Coincide con el indicador { $indicator } (registrado para { $app })
scan-gaps-heading = Lo que esta revisión no pudo examinar:
