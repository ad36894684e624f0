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

## Errores
error-csrf = Este formulario caducó o no lo envió Cairn. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-page-not-found = Esta página no existe.
error-upload = No se pudo leer la subida. Inténtelo de nuevo.
error-locked = La bóveda está bloqueada.
