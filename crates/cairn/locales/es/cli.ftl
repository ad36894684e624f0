## Mensajes de la línea de órdenes (español). Mismas claves que en-US/cli.ftl.

error-prefix = error: { $message }
journal-verification-failed = la verificación falló

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
custody-acquired = adquirida
custody-viewed = vista
custody-extracted = extraída
custody-exported = exportada
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
problem-leaf-hash = el evento #{ $seq } ({ $kind }) fue alterado: sus bytes guardados ya no coinciden con su hash
problem-unreadable = el evento #{ $seq } ({ $kind }) no se puede leer: { $detail }
problem-misplaced = el evento #{ $seq } ({ $kind }) está fuera de lugar: { $detail }
problem-root-one = el evento #{ $seq } fue alterado después de firmarse (la cabecera firmada de tamaño { $size } ya no coincide)
problem-root-range = un evento entre #{ $first } y #{ $last } fue alterado después de firmarse (la cabecera firmada de tamaño { $size } ya no coincide)
problem-signature = la firma de la cabecera de tamaño { $size } no es válida
problem-foreign-key = la cabecera de tamaño { $size } fue firmada con otra clave ({ $fingerprint })
problem-unsigned = los eventos #{ $first } a #{ $last } no están cubiertos por ninguna cabecera firmada
problem-projection = lo que se muestra de { $what } { $id } difiere del diario (evento #{ $seq })
proof-not-json = { $path } no es un archivo de prueba criptográfica de Cairn
proof-inclusion-valid = Válida: el evento #{ $index } está en el diario del caso { $case } de { $size } eventos, con una firma válida.
proof-consistency-valid = Válida: el diario del caso { $case } de { $old } eventos sigue intacto dentro del diario de { $new } eventos.
proof-invalid = la prueba NO es válida: { $reason }

## Encabezados de tablas y campos
col-case = Caso
col-label = Etiqueta
col-opened = Abierto
col-opened-by = Abierto por
col-subjects = Sujetos
col-incidents = Incidentes
col-evidence = Pruebas
col-journal-events = Eventos del diario
col-subject = Sujeto
col-name = Nombre
col-relationship = Relación
col-identifiers = Identificadores
col-incident = Incidente
col-when = Cuándo
col-channel = Medio
col-categories = Categorías
col-behaviours = Conductas
col-versions = Versiones
col-narrative = Relato
col-location = Lugar
col-witnesses = Testigos
col-police-report = Denuncia policial
col-injuries = Lesiones
col-fear = Miedo
col-size = Tamaño
col-acquired = Adquirida
col-acquired-by = Adquirida por
col-sha256 = SHA-256
col-media-type = Tipo de archivo
col-source = Origen
col-note = Nota
col-root = Raíz
col-time = Hora
col-key = Clave de firma
col-signature = Firma
col-signed-heads = Cabeceras firmadas

## Vocabularios
relationship-current_partner = pareja actual
relationship-former_partner = expareja
relationship-spouse = cónyuge
relationship-former_spouse = excónyuge
relationship-co_parent = progenitor/a de hijos en común
relationship-family_member = familiar
relationship-acquaintance = conocido/a
relationship-coworker = compañero/a de trabajo
relationship-employer = empleador/a
relationship-stranger = desconocido/a
relationship-unknown = se desconoce
relationship-other = otra
channel-in_person = en persona
channel-call = llamada
channel-text = mensaje de texto
channel-social_media = redes sociales
channel-email = correo electrónico
channel-gps_tracker = GPS / rastreador
channel-smart_device = dispositivo inteligente
channel-financial = financiero
channel-other = otro
slii-surveillance = vigilancia
slii-life_invasion = invasión de la vida
slii-intimidation = intimidación
slii-interference = interferencia
precision-exact = exacta
precision-approximate = aproximada
precision-date_only = solo fecha
behaviour-following = seguimiento
behaviour-watching = observación
behaviour-location_tracking = rastreo de ubicación
behaviour-monitoring_devices = vigilancia de dispositivos
behaviour-monitoring_accounts = vigilancia de cuentas
behaviour-checking_through_others = control a través de otras personas
behaviour-unwanted_contact = contacto no deseado
behaviour-showing_up = presentarse sin ser invitado
behaviour-contacting_family_or_friends = contactar a familiares o amistades
behaviour-contacting_employer = contactar al empleador
behaviour-posting_online = publicaciones en internet
behaviour-impersonation = suplantación de identidad
behaviour-unwanted_gifts = regalos no deseados
behaviour-threats = amenazas
behaviour-threats_to_others = amenazas a otras personas
behaviour-threat_to_share_images = amenaza de difundir imágenes íntimas
behaviour-property_damage = daños a la propiedad
behaviour-harming_pets = daño a mascotas
behaviour-physical_violence = violencia física
behaviour-sexual_violence = violencia sexual
behaviour-financial_sabotage = sabotaje económico
behaviour-work_sabotage = sabotaje laboral
behaviour-account_takeover = toma de control de cuentas
behaviour-child_custody_interference = interferencia en la custodia de hijos
behaviour-other = otra
kind-case = caso
kind-subject = sujeto
kind-incident = incidente
kind-evidence = prueba
field-label = etiqueta
field-name = nombre
field-phone = número de teléfono
field-email = correo electrónico
field-platform = plataforma
field-handle = usuario
field-when = cuándo
field-channel = medio
field-behaviour = conducta
field-behaviour-category = categoría de conducta
field-relationship = relación
field-custody-action = acción de custodia
field-precision = precisión
field-fear = miedo
field-narrative = relato
field-location = lugar
field-witness = testigo
field-police-report = número de denuncia policial
field-injuries = lesiones
field-reason = motivo
field-changes = cambios
field-notes = notas
field-source = origen
field-note = nota
field-media-type = tipo de archivo

## Errores
error-invalid = { $field } no válido «{ $value }»: { $reason }
reason-empty = no puede estar vacío
reason-too-long = tiene más de { $max } caracteres
reason-out-of-range = debe estar entre { $min } y { $max }
reason-not-one-of = se esperaba uno de: { $allowed }
reason-not-phone = no es un número de teléfono (use el formato internacional, p. ej. +34 612 34 56 78, o --region)
reason-not-email = no es una dirección de correo electrónico
reason-not-datetime = se esperaba una fecha como 2026-01-02 o una fecha y hora como 2026-01-02T22:10
reason-future = está en el futuro
reason-time-with-date-only = un valor de solo fecha no puede llevar hora
error-bad-id = «{ $value }» no es un id de { $kind } (empiezan por { $prefix })
error-wrong-passphrase = frase de contraseña incorrecta para la bóveda de { $path }; no se cambió nada
error-no-vault = no hay ninguna bóveda en { $path }; cree una con: cairn init
error-vault-exists = ya existe una bóveda en { $path }; no se cambió nada
error-key-file-damaged = el archivo de clave de la bóveda { $path } está dañado ({ $detail }); restáurelo desde una copia de seguridad
error-newer-vault = el archivo de clave { $path } lo escribió una versión más reciente de Cairn (formato { $found }; esta lee hasta { $supported }); actualice Cairn
error-not-in-case = { $kind } { $id } no está en el caso { $case }
error-no-such-case = el caso { $case } no existe (vea: cairn case list)
error-same-passphrase = la nueva frase de contraseña es igual a la anterior
error-file = { $path }: { $detail }
error-crypto = falló el cifrado: { $detail }
error-no-such-event = el caso { $case } no tiene la posición { $seq } en el diario (tiene { $size } eventos)
error-no-such-checkpoint = el caso { $case } no tiene una cabecera firmada de tamaño { $size }
error-proof = la prueba no se sostiene: { $detail }
error-not-a-database = la base de datos de la bóveda { $path } está dañada, truncada o no es de esta bóveda; no se cambió nada
error-newer-schema = la base de datos la escribió una versión más reciente de Cairn (esquema { $found }; esta conoce hasta { $known }); actualice Cairn
error-dirty-schema = la base de datos tiene una actualización sin terminar (versión { $version }); restáurela desde una copia de seguridad
error-not-found = no se encontró { $kind } { $id }
error-conflict = rechazado: { $detail }
error-corrupt = los datos guardados son incoherentes: { $detail }
error-blob-missing = falta en la bóveda el archivo cifrado de la prueba con SHA-256 { $sha256 }
error-blob-integrity = el archivo de la prueba con SHA-256 { $sha256 } no pasó la comprobación de integridad ({ $detail }); no se escribió nada
error-io = { $context }: { $detail }
error-storage = error de almacenamiento: { $detail }

## Errores de uso
usage-invalid-value = valor no válido «{ $value }» para { $arg }
usage-unknown-argument = opción desconocida { $arg }
usage-unknown-command = orden desconocida «{ $name }»
usage-missing-argument = falta { $arg }
usage-missing-command = hace falta una orden
usage-conflict = { $arg } no se puede usar junto con { $other }
usage-see-help = Para obtener ayuda, añada --help.
