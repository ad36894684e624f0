## Evaluaciones, planes de seguridad y recursos (cairn assess, plan, resources).

# Errores en archivos de instrumentos, respuestas, reglas del plan y recursos.
assess-error-at = { $file }, línea { $line }, { $field }: { $problem }
assess-error-nowhere = { $file }, { $field }: { $problem }
assess-problem-syntax = { $detail }
assess-problem-unsupported-format = esta versión de cairn no lee el formato { $value }
assess-problem-duplicate = «{ $value }» se usa más de una vez
assess-problem-unknown = «{ $value }» no existe aquí
assess-problem-bad-value = «{ $value }» no es válido; se esperaba { $expected }
assess-problem-missing = falta un valor o está vacío
assess-problem-wrong-instrument = estas respuestas son de { $found }, no de { $expected }
assess-problem-override-not-higher = una decisión profesional solo puede subir el nivel, y { $to } no es más alto que { $from }
assess-no-such-instrument = no existe el instrumento { $id } (`cairn assess list` los muestra)

# cairn assess list / template
assess-col-id = Instrumento
assess-col-version = Versión
assess-col-title = Título
assess-col-position = Posición
assess-col-date = Registrado
assess-col-level = Nivel
assess-list-note = Cada instrumento es una guía estructurada de conversación, no un instrumento predictivo validado.
assess-template-header = Archivo de respuestas para cairn assess take. Escriba los valores entre las comillas;
    deje "" si la pregunta no se hizo o no se respondió. Para añadir una nota o indicar
    de dónde viene la información, escriba: item = { "{" } value = "yes", note = "…", source = "survivor" { "}" }
    (fuentes: survivor, advocate, records, third_party, other).
assess-template-allowed = Respuesta
assess-template-instance = Copie este bloque una vez por cada

# Suggestions from the incident log, beside a question in the template.
assess-suggest-behaviours = { $count ->
    [one] Se sugiere «yes»: un incidente del registro tiene que ver con esto. Confírmelo con la sobreviviente antes de responder.
   *[other] Se sugiere «yes»: { $count } incidentes del registro tienen que ver con esto. Confírmelo con la sobreviviente antes de responder.
}
assess-suggest-increasing = Se sugiere «yes»: el registro tiene { $recent } incidentes en los últimos 30 días y { $before } en los 30 días anteriores. Confírmelo con la sobreviviente antes de responder.

# cairn assess take
assess-recorded = Se registró { $title } (versión { $version }) en la posición { $seq } del diario.
assess-level = Nivel: { $level }
assess-override = Subido por decisión profesional de «{ $from }» a «{ $to }». Motivo: { $reason }
assess-why-heading = Lo que llevó a este nivel:
assess-score = { $rule }: { $score }
assess-skipped = { $count ->
    [one] Una respuesta era de una pregunta que no se hizo (lógica de salto) y no se guardó.
   *[other] { $count } respuestas eran de preguntas que no se hicieron (lógica de salto) y no se guardaron.
}
assess-caveat-label = Tenga en cuenta:

# Nueva evaluación: qué cambió desde la última vez.
assess-changes-heading = Desde la última { $title }:
assess-change-level = nivel { $before } → { $after }
assess-change-answer = { $item }: { $before } → { $after }
assess-change-now = ahora también: { $rules }
assess-change-gone = ya no: { $rules }
assess-change-none = nada cambió desde la última vez
assess-change-rules-version = el instrumento o sus reglas cambiaron de versión entretanto; un nivel distinto puede deberse a eso y no a la situación
assess-answer-none = (sin respuesta)
assess-answer-yes = sí
assess-answer-no = no
assess-answer-unknown = no se sabe
assess-answer-declined = prefirió no responder

# cairn assess take sin archivo de respuestas: una pregunta a la vez.
assess-prompt-intro = Pulse Intro para saltar una pregunta. También puede responder "unknown" (no se sabe) o "declined" (prefiere no responder).
assess-prompt-yes-no = Responda yes (sí), no, unknown o declined.
assess-prompt-several = Varias respuestas: sepárelas con comas (p. ej., 1, 3).
assess-prompt-add-instance = ¿Añadir { $noun }? (sí/no)
assess-prompt-invalid = Esa respuesta no es válida; se esperaba { $expected }. Inténtelo de nuevo o pulse Intro para saltarla.
assess-prompt-nothing = no se dio ninguna respuesta, así que no se registró nada

# cairn assess history
assess-history-empty = Todavía no hay evaluaciones en este caso.
assess-history-override = (subido por decisión profesional)

# cairn plan
plan-recorded = Se registró la versión { $version } del plan de seguridad en la posición { $seq } del diario ({ $count } opciones).
plan-none = Todavía no hay plan de seguridad en este caso. Cree uno con `cairn plan build`.
plan-title = Plan de seguridad, versión { $version } ({ $date })
plan-safe-title = Notas
plan-priorities = Lo más importante: { $list }
plan-why-label = Por qué:
plan-caution-label = Precaución:
plan-resources-label = Quién puede ayudar:
plan-note-label = Nota:
plan-decision-adopted = elegida
plan-decision-declined = ahora no
plan-decision-later = decidir más adelante
plan-category-emergency = Emergencia
plan-category-digital_security = Seguridad digital
plan-category-location_privacy = Privacidad de la ubicación
plan-category-accounts = Cuentas
plan-category-devices = Dispositivos
plan-category-finances = Dinero
plan-category-children = Niños
plan-category-legal = Legal
plan-category-trafficking = Trata
plan-category-emotional_support = Apoyo emocional
plan-priority-safety = la seguridad
plan-priority-children = los niños
plan-priority-privacy = la privacidad
plan-priority-resources = los recursos
plan-priority-relationship = la relación
plan-priority-housing = la vivienda
plan-priority-work = el trabajo
plan-password-prompt = Contraseña para comprobar (no se muestra ni se guarda)
plan-password-no-terminal = solo se puede comprobar una contraseña escrita en una terminal
plan-password-score = Fuerza: { $score } de 4
plan-password-strong = Sería difícil de adivinar.
plan-password-weak = Se podría adivinar. Una frase más larga de palabras sin relación es más fuerte.

# Páginas web.
assess-web-heading = Evaluaciones
assess-web-changes = Desde la última vez
plan-web-heading = Plan de seguridad
plan-web-safe-link = Copia segura (sin datos del caso, título neutro)
plan-web-print-hint = Imprima desde el navegador; la impresión omite menús y botones.
plan-web-decide = Decidir el plan con la sobreviviente
plan-web-decide-intro = Estas opciones vienen de las evaluaciones y revisiones de dispositivos de este caso. Decide la sobreviviente: elegida, ahora no, o más adelante. Nada de esto es una orden; cada decisión queda como una nueva versión del plan.
plan-web-priorities = Lo que más le importa a la sobreviviente
plan-web-priorities-help = Numere lo que importa, 1 para lo más importante; deje el resto vacío. Las opciones se ordenan según eso.
plan-web-no-options = Todavía no hay opciones: haga primero una evaluación.
plan-web-decide-submit = Registrar esta versión del plan
plan-web-pdf-link = Descargar en PDF

# cairn resources
resource-none = Ningún recurso coincide.
resource-phone-label = Llamar
resource-text-label = Texto
resource-web-label = Web
resource-hours-label = Horario
resource-languages-label = Idiomas
resource-national = nacional
resource-language-interpreters = intérpretes para otros idiomas
resource-service-domestic_violence = violencia doméstica
resource-service-safety_planning = planes de seguridad
resource-service-crisis = crisis
resource-service-technology_safety = seguridad tecnológica
resource-service-referral = referencias
resource-service-trafficking = trata de personas
resource-service-suicide = prevención del suicidio
resource-service-emotional_support = apoyo emocional
resource-service-victim_services = servicios a víctimas
resource-service-legal = ayuda legal
resource-service-stalking = acecho
resource-service-sexual_assault = agresión sexual
resource-service-online_crime = delitos en línea
resource-service-report = denuncias
resource-service-shelter = refugio
resource-service-housing = vivienda
resource-service-children = niños
resource-service-immigration = inmigración
resource-service-financial = ayuda económica
resource-service-health = salud

# Ayuda de los comandos.
help-assess = Evaluaciones: peligro, acecho, trata y abuso tecnológico
help-assess-list = Los instrumentos disponibles
help-assess-template = Mostrar un archivo de respuestas para rellenar de un instrumento
help-assess-template--id = El id del instrumento (vea cairn assess list)
help-assess-template--instrument_file = Usar un archivo de instrumento propio de la agencia en lugar de uno incluido
help-assess-template--case = Añadir sugerencias del registro de incidentes de este caso, para que usted las confirme
help-assess-take = Puntuar un archivo de respuestas y registrar el resultado en el caso
help-assess-take--id = El id del instrumento (vea cairn assess list)
help-assess-take--case = El id del caso (c-…). También sirve CAIRN_CASE.
help-assess-take--answers = El archivo de respuestas (créelo con cairn assess template); sin él, las preguntas se hacen una a una
help-assess-take--raise_to = Decisión profesional: subir el nivel a este (requiere --reason)
help-assess-take--reason = Por qué se sube el nivel; queda en el diario
help-assess-take--instrument_file = Usar un archivo de instrumento propio de la agencia en lugar de uno incluido
help-assess-history = Todas las evaluaciones del caso, y qué cambió desde la última vez
help-assess-history--case = El id del caso (c-…). También sirve CAIRN_CASE.
help-plan = El plan de seguridad de la sobreviviente
help-plan-build = Ofrecer opciones de plan a partir de las evaluaciones del caso y registrar las decisiones de la sobreviviente
help-plan-build--case = El id del caso (c-…). También sirve CAIRN_CASE.
help-plan-build--priorities = Lo que más le importa a la sobreviviente, de más a menos: safety, children, privacy, resources, relationship, housing, work
help-plan-build--adopt = Opciones que eligió la sobreviviente (ids, separados por comas)
help-plan-build--decline = Opciones que la sobreviviente no quiere ahora (ids, separados por comas)
help-plan-show = Mostrar el último plan de seguridad
help-plan-show--case = El id del caso (c-…). También sirve CAIRN_CASE.
help-plan-show--safe_copy = Una copia sin datos del caso y con un título neutro
help-plan-export = Escribir el último plan de seguridad en un PDF para imprimir (completo, o una copia segura)
help-plan-export--case = El id del caso (c-…). También sirve CAIRN_CASE.
help-plan-export--out = Dónde escribir el PDF
help-plan-export--safe_copy = Una copia sin datos del caso y con un título neutro
help-plan-export--force = Reemplazar el archivo de salida si ya existe
plan-exported = Se escribió el plan de seguridad en { $path }.
help-plan-check-password = Comprobar lo difícil que sería adivinar una contraseña, sin guardarla
help-resources = Líneas de ayuda y servicios locales
help-resources-search = Buscar recursos por necesidad, idioma y lugar
help-resources-search--need = Lo que se necesita, p. ej. shelter, trafficking, legal
help-resources-search--language = Un código de idioma, p. ej. es
help-resources-search--place = Una ciudad, condado o estado
help-resources-search--local = Un archivo CSV de la agencia con servicios locales

assess-web-take = Hacer una evaluación
assess-web-form-intro = Pregunte con sus propias palabras y en el orden de la sobreviviente; deje vacía una pregunta que no se hizo. Las preguntas que no corresponden según las demás respuestas no se guardan. Las sugerencias del registro de incidentes nunca se rellenan por usted.
assess-web-yes = Sí
assess-web-no = No
assess-web-unknown = No lo sabe
assess-web-declined = Prefiere no decirlo
assess-web-note-summary = Nota y fuente (opcional)
assess-web-note = Nota
assess-web-source = Fuente de la información
assess-source-survivor = la sobreviviente
assess-source-advocate = observación de la persona que acompaña
assess-source-records = registros (policía, juzgado, atención médica)
assess-source-third_party = otra persona
assess-source-other = otra
assess-web-override = Criterio profesional (opcional)
assess-web-override-help = Puede subir el nivel que dieron las reglas, nunca bajarlo, y debe explicar por qué; el motivo queda en el diario.
assess-web-raise-to = Subir el nivel a
assess-web-reason = Por qué
assess-web-submit = Puntuar y registrar
assess-web-more-instances = Mostrar una más de cada parte repetida (otra cuenta, otro dispositivo)
assess-web-bad-answer = La respuesta a «{ $question }» no se puede usar ({ $value }): { $detail }
