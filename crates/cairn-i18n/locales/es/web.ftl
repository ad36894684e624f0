## La aplicación web (español). Mismas claves que en-US/web.ftl.

skip-to-content = Saltar al contenido
nav-main = Principal
nav-cases = Casos
nav-case = Este caso
nav-timeline = Cronología
nav-new-incident = Nuevo incidente
nav-evidence = Pruebas
nav-subjects = Personas que causan daño
nav-journal = Diario
nav-import = Importar
nav-messages = Mensajes
nav-counterparts = Números y nombres
switch-language = English
lock = Bloquear
quick-exit = Salida rápida
quick-exit-hint = Salir ya: bloquea Cairn y abre un sitio web neutral. Atajo: pulse Esc tres veces.
footer-hint = Pulse Esc tres veces, o use Salida rápida, para bloquear y salir al instante. Todo lo que hay aquí está cifrado en este equipo y no se envía a ningún sitio.
back-to-start = Volver al inicio
one-per-line = Uno por línea.

## Títulos
title-error = Algo salió mal
title-setup = Cree su bóveda
title-unlock = Desbloquear
title-cases = Casos
title-case = Caso
title-subjects = Personas que causan daño
title-new-incident = Registrar un incidente
title-amend-incident = Corregir un incidente
title-incident = Incidente
title-evidence = Pruebas
title-evidence-item = Prueba
title-journal = Diario
title-import = Importar una exportación
title-import-result = Importación
title-messages = Mensajes y llamadas
title-counterparts = Números y nombres

## Bóveda
setup-heading = Cree su bóveda
setup-intro = Cairn guarda todo en una bóveda cifrada en este equipo. Elija una frase de contraseña: unas cuantas palabras sin relación que pueda recordar son más seguras que una contraseña corta con símbolos.
setup-no-recovery = Nadie puede recuperar esta frase de contraseña: ni usted, ni su organización, ni Cairn. Si se pierde, también se pierde lo que hay en la bóveda.
setup-weak = Elija una frase de contraseña más segura:
setup-too-short = Tiene { $given } caracteres; use al menos { $minimum }.
setup-guessable = Se podría adivinar rápidamente.
setup-mismatch = Las dos frases de contraseña no coinciden.
setup-passphrase-help = Al menos 12 caracteres. No use una que la persona que causa daño pueda conocer o adivinar.
setup-submit = Crear la bóveda
unlock-heading = Desbloquee su bóveda
unlock-submit = Desbloquear
unlock-wrong-passphrase = Esa frase de contraseña no abre esta bóveda. No se cambió nada.
label-passphrase = Frase de contraseña
label-passphrase-confirm = Repita la frase de contraseña

zxcvbn-straight-rows-of-keys-are-easy-to-guess = Las filas seguidas del teclado son fáciles de adivinar.
zxcvbn-short-keyboard-patterns-are-easy-to-guess = Los patrones cortos del teclado son fáciles de adivinar.
zxcvbn-repeats-like-aaa-are-easy-to-guess = Las repeticiones como «aaa» son fáciles de adivinar.
zxcvbn-repeats-like-abc-abc-are-only-slightly-harder-to-guess = Las repeticiones como «abcabc» apenas son más difíciles de adivinar que «abc».
zxcvbn-this-is-a-top10-password = Es una de las 10 contraseñas más comunes.
zxcvbn-this-is-a-top100-password = Es una de las 100 contraseñas más comunes.
zxcvbn-this-is-a-common-password = Es una contraseña muy común.
zxcvbn-this-is-similar-to-a-commonly-used-password = Se parece a una contraseña de uso común.
zxcvbn-sequences-like-abc-are-easy-to-guess = Las secuencias como «abc» o «6543» son fáciles de adivinar.
zxcvbn-recent-years-are-easy-to-guess = Los años recientes son fáciles de adivinar.
zxcvbn-a-word-by-itself-is-easy-to-guess = Una palabra sola es fácil de adivinar.
zxcvbn-dates-are-often-easy-to-guess = Las fechas suelen ser fáciles de adivinar.
zxcvbn-names-and-surnames-by-themselves-are-easy-to-guess = Los nombres y apellidos solos son fáciles de adivinar.
zxcvbn-common-names-and-surnames-are-easy-to-guess = Los nombres y apellidos comunes son fáciles de adivinar.
zxcvbn-use-a-few-words-avoid-common-phrases = Use varias palabras; evite frases hechas.
zxcvbn-no-need-for-symbols-digits-or-uppercase-letters = No hacen falta símbolos, números ni mayúsculas.
zxcvbn-add-another-word-or-two = Añada una o dos palabras más. Mejor si son poco comunes.
zxcvbn-capitalization-doesnt-help-very-much = Las mayúsculas no ayudan mucho.
zxcvbn-all-uppercase-is-almost-as-easy-to-guess-as-all-lowercase = Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.
zxcvbn-reversed-words-arent-much-harder-to-guess = Las palabras al revés no son mucho más difíciles de adivinar.
zxcvbn-predictable-substitutions-dont-help-very-much = Las sustituciones previsibles, como «@» por «a», no ayudan mucho.
zxcvbn-use-a-longer-keyboard-pattern-with-more-turns = Use un patrón de teclado más largo y con más giros.
zxcvbn-avoid-repeated-words-and-characters = Evite repetir palabras y caracteres.
zxcvbn-avoid-sequences = Evite las secuencias.
zxcvbn-avoid-recent-years = Evite los años recientes.
zxcvbn-avoid-years-that-are-associated-with-you = Evite los años relacionados con usted.
zxcvbn-avoid-dates-and-years-that-are-associated-with-you = Evite las fechas y los años relacionados con usted.

## Casos y cronología
cases-heading = Casos
cases-none = Todavía no hay casos.
cases-new-heading = Abrir un caso nuevo
label-case-label = Cómo reconocerá este caso
cases-label-help = Por ejemplo, un nombre y una inicial. Se guarda cifrado; en todo lo demás el caso se identifica con un código.
cases-new-submit = Abrir el caso
timeline-heading = Cronología
timeline-filters = Filtrar la cronología
timeline-empty = No hay coincidencias. Registre un incidente o añada una prueba para empezar la cronología.
timeline-pages = Páginas de la cronología
timeline-newest = Lo más reciente
timeline-older = Anteriores
filter-any = Cualquiera
filter-kind = Tipo
filter-from = Desde
filter-to = Hasta
filter-apply = Aplicar
filter-clear = Quitar filtros

## Sujetos
subjects-heading = Personas que causan daño
subjects-none = Todavía no se ha añadido a nadie.
subjects-add-heading = Añadir una persona
subjects-phones-help = Uno por línea. Los números se guardan en formato internacional (+34…).
subjects-handles-help = Uno por línea, opcionalmente como plataforma:usuario (instagram:jdoe).
subjects-add-submit = Añadir a la persona
label-name = Nombre o alias
label-relationship = Relación
label-phones = Números de teléfono
label-region = País de los números sin prefijo +
label-emails = Correos electrónicos
label-handles = Usuarios en redes sociales
label-notes = Notas

## Incidentes
label-reason = Por qué se corrige
incident-reason-help = La versión anterior sigue en el historial; el motivo se guarda con la corrección.
label-when = Cuándo ocurrió
label-date = Fecha
label-time = Hora (si se sabe)
incident-time-help = Deje la hora vacía si solo se conoce la fecha.
label-approximate = La hora es aproximada
label-channel = Cómo llegó a la persona sobreviviente
label-behaviours = Qué ocurrió
behaviour-general = en general
behaviour-group-other = Otras
label-subject = Persona que causa daño
subject-none-chosen = No se sabe o no se elige
label-narrative = Qué ocurrió, en palabras de la persona sobreviviente
incident-narrative-help = Escríbalo tal como lo cuenta la persona sobreviviente. Puede corregirlo después; no se sobrescribe nada.
label-location = Dónde
label-witnesses = Testigos
label-police-report = Número de denuncia policial
label-injuries = Lesiones
label-fear = Miedo, de 0 a 10
fear-not-asked = No se preguntó
fear-0 = 0 — ningún miedo
fear-1 = 1
fear-2 = 2
fear-3 = 3
fear-4 = 4
fear-5 = 5
fear-6 = 6
fear-7 = 7
fear-8 = 8
fear-9 = 9
fear-10 = 10 — miedo extremo
label-evidence = Pruebas que lo respaldan
incident-add-submit = Registrar el incidente
incident-amend-submit = Registrar la corrección
incident-amend-link = Corregir este incidente
incident-versions = { $count ->
    [one] Historial: 1 versión
   *[other] Historial: { $shown } versiones
}
version-current = actual
version-corrected-because = Corregido porque:
version-first = Primer registro.

## Pruebas
evidence-heading = Pruebas
evidence-added-heading = Guardado y cifrado. El SHA-256 de cada archivo se calculó al recibirlo:
evidence-already-in-case = ya está en este caso; no se añadió otra vez
evidence-upload-heading = Añadir archivos
label-source = De dónde vienen los archivos
evidence-source-help = Por ejemplo: «teléfono de la sobreviviente, capturas de mensajes».
label-note = Nota
label-files = Archivos
evidence-files-help = Elija archivos o suéltelos aquí. Se calcula su hash y se cifran a medida que llegan.
evidence-upload-progress = Progreso de la subida
evidence-upload-submit = Añadir los archivos
evidence-list-heading = Archivos de este caso
size-bytes = { $count ->
    [one] 1 byte
   *[other] { $shown } bytes
}
col-action = Acción
col-actor = Por
col-detail = Detalle

## Diario
journal-heading = Diario
journal-intro = Cada cambio en este caso es una entrada en un diario en el que solo se añade. Cada entrada se incorpora con su hash a un árbol cuya raíz firma esta bóveda, de modo que cualquier cambio posterior del registro se puede detectar.
journal-events = { $count ->
    [one] 1 entrada
   *[other] { $shown } entradas
}
journal-verified-ok = Verificado: { $count ->
    [one] 1 entrada
   *[other] { $shown } entradas
}; se recalcularon todos los hashes, raíces y firmas.
journal-verified-failed = { $count ->
    [one] La verificación FALLÓ: 1 problema.
   *[other] La verificación FALLÓ: { $shown } problemas.
}
journal-verify-submit = Verificar ahora

## Importaciones
evidence-import-hint = ¿Mensajes, llamadas o correos exportados de un teléfono o de un programa de correo?
evidence-import-link = Importe la exportación para incorporarlos al caso.
import-heading = Importar mensajes, llamadas, correo o una foto
import-intro = El archivo se guarda como prueba tal como es; se calcula su hash y se cifra al recibirlo. Después Cairn lee la copia guardada y añade a este caso lo que contiene. Importar el mismo archivo otra vez no añade nada dos veces.
import-form-kind = ¿Qué tipo de archivo es?
import-form-kind-choose = Elija el tipo de archivo
import-form-bring-sms_backup = el archivo XML que crea la aplicación SMS Backup & Restore (mensajes, imágenes MMS o el registro de llamadas).
import-form-bring-whatsapp = el archivo que crea «Exportar chat» en WhatsApp: el .txt, o el .zip con los archivos multimedia.
import-form-bring-email = un correo guardado como .eml, o un buzón completo en formato mbox.
import-form-bring-photo = una foto o captura de pantalla; Cairn lee la hora, la cámara y el lugar escritos en ella.
import-form-region-help = Para números escritos sin +código, como (415) 555-0142. Dos letras, como US, MX o ES.
import-form-owner = Números, direcciones o nombre de chat de la propia sobreviviente
import-form-owner-help = Separe varios con comas. Le indican a Cairn qué lado de la conversación es el de la sobreviviente.
import-form-chat-legend = Solo para chats de WhatsApp
import-form-time-zone = Zona horaria de las horas del chat
import-form-time-zone-help = WhatsApp escribe las horas sin zona. Déjelo vacío para usar la zona de este equipo ({ $zone }), o indique una como America/Mexico_City.
import-form-date-order = Orden de las fechas
import-form-date-order-help = Déjelo en automático salvo que Cairn diga que las fechas son ambiguas.
import-form-order-auto = Automático (según todo el chat)
import-form-order-dmy = Día/mes/año (31/12/2024)
import-form-order-mdy = Mes/día/año (12/31/2024)
import-form-order-ymd = Año/mes/día (2024/12/31)
import-form-chat-name = Nombre del chat
import-form-chat-name-help = Solo hace falta si el nombre del archivo no dice con quién es el chat.
import-form-source = De dónde viene el archivo
import-form-source-help = Por ejemplo: «teléfono de la sobreviviente, copia hecha el 2026-11-20».
import-form-file = El archivo
import-form-file-help = Un archivo cada vez. Se calcula su hash y se cifra al recibirlo; los archivos grandes pueden tardar unos minutos.
import-form-submit = Importar el archivo
import-form-choose-kind = Elija qué tipo de archivo es e inténtelo de nuevo.
import-form-choose-file = Elija el archivo que quiere importar.
import-progress-storing = Subiendo el archivo, calculando su hash y cifrándolo…
import-progress-reading = Leyendo los mensajes de la copia guardada…
import-progress-saving = Guardando en el caso…
import-progress-failed = La subida se detuvo antes de terminar. No se registró nada; inténtelo de nuevo.
import-earlier-heading = Importado en este caso
import-earlier-none = Todavía no se ha importado nada en este caso.
import-result-heading = Importado: { $kind }
import-result-already-heading = Ya estaba importado
import-result-already = { $name } ya se había importado en este caso con la misma configuración (prueba { $id }). No se añadió nada dos veces.
import-result-kind = Tipo
import-result-evidence = Guardado como prueba
import-result-importer = Leído con
import-result-time-zone = Horas leídas en la zona horaria
import-result-evidence-link = Ver el archivo en la lista de pruebas, con su cadena de custodia
import-result-counts-heading = Lo que contenía el archivo
import-result-read = Leídos
import-result-new = Nuevos
import-result-repeated = Ya estaban en el caso
import-result-files = Archivos
import-result-skipped = Omitidos
import-result-warning = Atención:
import-result-declared-mismatch = el archivo dice que contiene { $declared } registros, pero se encontraron { $found }. Puede que se haya cortado o editado después de que la aplicación lo escribiera.
import-result-missing-media = { $count ->
    [one] Falta 1 imagen o archivo multimedia que la exportación nombra.
   *[other] Faltan { $shown } imágenes o archivos multimedia que la exportación nombra.
}
import-result-skipped-heading = Registros que no se pudieron leer
import-result-skipped-help = Estos registros siguen en el archivo de prueba; no se añadieron a los mensajes del caso.
import-result-where = Dónde en el archivo
import-result-why = Por qué
import-result-skipped-more = { $count ->
    [one] …y 1 registro omitido más, que no se muestra aquí.
   *[other] …y { $shown } registros omitidos más, que no se muestran aquí.
}
import-result-photo-heading = Lo que dice el archivo
import-result-photo-help = Los teléfonos y las cámaras escriben estos datos en el archivo. Pueden ser erróneos o haberse cambiado después, así que trátelos como lo que el archivo afirma, no como hechos.
import-result-photo-taken = El archivo dice que se tomó el { $at } (UTC{ $offset }).
import-result-photo-taken-no-zone = El archivo dice que se tomó el { $at } (no dice en qué zona horaria).
import-result-photo-device = El archivo dice que la cámara era: { $device }.
import-result-photo-place = El archivo dice que se tomó en la latitud { $lat }, longitud { $lon }.
import-result-photo-nothing = El archivo no contiene hora, cámara ni lugar.
import-result-unassigned-heading = Números y nombres que aún no se asociaron a nadie
import-result-unassigned-help = Si alguno es de una persona que causa daño, elíjala: sus mensajes y llamadas contarán entonces como suyos.
import-result-see-messages = Ver los mensajes y llamadas
import-result-another = Importar otro archivo

## Mensajes y contrapartes
comms-heading = Mensajes y llamadas
comms-filters = Filtrar los mensajes
comms-review-only = Solo los marcados para revisar
comms-review-flag = Marcado para revisar:
comms-none = Ningún mensaje ni llamada coincide.
comms-call-lasted = Llamada de { $duration }
comms-attachments = Adjuntos:
comms-pages = Páginas de mensajes
comms-first-page = Primera página
comms-next-page = Mensajes posteriores
comms-bad-filter = No se pudo leer este filtro: «{ $value }». Vuelva a elegirlo en el formulario.
counterparts-heading = Números y nombres en las importaciones
counterparts-intro = Todas las personas que nombran los mensajes, llamadas y correos importados, con cuántas veces y cuándo. Asociar una a una persona que causa daño la añade a los identificadores de esa persona.
counterparts-none = Todavía no se ha importado nada en este caso.
counterparts-import-link = Importar una exportación
assign-label = Persona que causa daño para { $counterpart }
assign-choose = Elija una persona
assign-submit = Es esta persona
assign-add-person-first = Añada primero a la persona
assign-withheld-note = Los números ocultos no se pueden asociar a una persona.
assign-choose-subject = Elija la persona a la que pertenece este número o nombre.
assign-withheld = Un número oculto representa a cualquier llamante que oculte su número, así que no se puede asociar a una sola persona.
assign-done = { $counterpart } es ahora uno de los identificadores de { $subject }: cada mensaje y llamada con él cuenta como suyo.

## Errores
error-csrf = Este formulario caducó o no lo envió Cairn. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-page-not-found = Esta página no existe.
error-upload = No se pudo leer la subida. Inténtelo de nuevo.
error-locked = La bóveda está bloqueada.
title-pattern = Patrón de contacto
nav-pattern = Patrón
pattern-heading = Patrón de contacto
pattern-filter-subject = Persona
pattern-filter-everyone = Todas
pattern-filter-no-contact = Se pidió no contacto desde
pattern-filter-tz = Zona horaria
pattern-filter-apply = Mostrar
pattern-web-none = Aún no hay mensajes ni llamadas que analizar: importe primero una exportación.
pattern-review-note = Los mensajes que coinciden con la lista de palabras para revisión se marcan para que una persona los lea. Una marca no significa que el mensaje sea una amenaza.
pattern-review-link = Leer los mensajes marcados para revisión
pattern-others = Otras, por número de contactos

## Exportaciones
nav-export = Exportar
export-web-heading = Exportar
export-web-intro = Todo lo que se exporta aquí queda registrado en el diario del caso: cuándo, quién, qué y para quién. El archivo se prepara en memoria y lo descarga este navegador; guárdelo donde solo usted y el destinatario puedan acceder. Las fotos pierden los metadatos de ubicación y del dispositivo salvo que pida los originales. Los archivos importados (copias de SMS, chats exportados, buzones) se incluyen tal como se recibieron, así que las fotos que contienen conservan sus metadatos; elija con cuidado las personas y el período.
export-web-kind = Qué exportar
export-web-recipient = Para quién es
export-web-recipient-help = Queda en el diario, por ejemplo «Juzgado de familia n.º 4» o «Detective R., caso 24-0113».
export-web-purpose = Por qué se comparte (opcional)
export-web-from = Primer día (opcional)
export-web-to = Último día (opcional)
export-web-subjects = Solo sobre estas personas (opcional)
export-web-subjects-help = Deje todas sin marcar para incluir a todas.
export-web-originals = Paquete judicial: incluir las fotos con sus metadatos originales de ubicación y dispositivo
export-web-originals-help = Solo si un tribunal necesita los originales: los metadatos pueden revelar dónde vive ahora la sobreviviente.
export-web-submit = Exportar y descargar
export-web-history = Exportaciones de este caso
export-web-bad-date = «{ $value }» no es una fecha (use AAAA-MM-DD).
export-web-pick-kind = Elija qué exportar.

## Revisiones de dispositivos y redes
nav-checks = Revisiones
checks-web-heading = Revisiones de dispositivos y redes
checks-web-intro = Revisiones de teléfonos y capturas de red de este caso, de la más reciente a la más antigua. Las revisiones se hacen con cairn scan (un teléfono por USB, una adquisición de AndroidQF, un informe de errores o una captura); cada una se guarda como prueba y puede revisarse de nuevo con listas de indicadores más recientes.
checks-web-none = Todavía no hay revisiones de dispositivos ni de redes en este caso.
checks-web-col-kind = Revisión
checks-web-col-outcome = Resultado
checks-web-col-findings = Hallazgos
checks-web-counts = { $high } altos, { $medium } medios, { $low } bajos
checks-web-apps = Hallazgos por aplicación:
checks-web-all-apps = todas
checks-web-seen-in = Visto en:
checks-web-back = Todas las revisiones de este caso
checks-web-run-heading = Revisar un archivo
checks-web-run-intro = Una adquisición de AndroidQF (zip), un informe de errores de Android o una captura de red (pcap, pcapng). El archivo se guarda como prueba, cifrado a medida que llega, y se compara con los archivos de indicadores registrados. Para un teléfono conectado por USB, use cairn scan android en este equipo.
checks-web-kind = Qué es el archivo
checks-web-file = Archivo
checks-web-submit = Guardar y revisar

## Recursos
nav-resources = Buscar ayuda
resources-web-heading = Buscar ayuda
resources-web-intro = Líneas de ayuda y servicios nacionales incluidos en Cairn. Buscar aquí no envía nada a ningún sitio: la lista está en este equipo.
resources-web-need = Qué se necesita
resources-web-any = cualquier cosa
resources-web-language = Idioma (p. ej. es)
resources-web-place = Ciudad, condado o estado
resources-web-search = Buscar
resources-web-services = Ayuda con
