## Resultados de la revisión de dispositivos y redes (cairn-scan).
## Cada tipo de resultado tiene: un título, qué significa, qué NO significa
## y una precaución de seguridad. Las variables son los parámetros del resultado.

scan-caution-general = Quitar un programa de vigilancia, cambiar ajustes o confrontar a la persona puede alertar a quien lo instaló, y eso puede aumentar el peligro. Primero hagan un plan de seguridad, con una persona de apoyo si es posible. Guarden un registro de lo encontrado antes de cambiar nada.

## Resultado general

scan-outcome-concerns = Esta revisión encontró señales que merecen atención. Revisen cada una con la persona antes de decidir nada.
scan-outcome-minor-only = Esta revisión solo encontró ajustes o estados que facilitan la vigilancia. Ninguno de ellos, por sí solo, indica que alguien esté vigilando este dispositivo.
scan-outcome-nothing-found-within-limits = Esta revisión no encontró aplicaciones de vigilancia conocidas ni señales de ellas. Esto no demuestra que el dispositivo esté libre de vigilancia: las listas de indicadores están incompletas, aparecen aplicaciones nuevas todo el tiempo, y alguien puede tener acceso a cuentas (correo, copias en la nube, ubicación compartida) sin ninguna aplicación en el dispositivo.
scan-outcome-nothing-found-incomplete = Esta revisión no encontró aplicaciones de vigilancia conocidas, pero algunas partes no se pudieron revisar (se indican abajo). Un resultado así no significa que todo esté bien.

scan-indicators-credit = Indicadores: { $source } (versión { $version }). Indicadores de stalkerware del proyecto stalkerware-indicators de Echap, con licencia CC BY 4.0.

## Partes no revisadas

scan-gap-missing = No revisado: la adquisición no contiene { $what }.
scan-gap-unreadable = No revisado: no se pudo leer { $what } ({ $at }).
scan-gap-truncated = Revisado solo en parte: { $what } (se detuvo en el byte { $offset }).
scan-gap-unsupported = No revisado: { $what } tiene un formato que esta versión no entiende.
scan-gap-opaque = No inspeccionable: { $count } { $what } están cifrados u ocultos para esta revisión.
scan-gap-no-indicators = No se comparó con aplicaciones de vigilancia conocidas: no se cargó ninguna lista de indicadores.

## Resultados

scan-stalkerware-app = Stalkerware conocido instalado: { $app }
    .title = Stalkerware conocido instalado: { $app } ({ $package })
    .means = Una aplicación de este dispositivo coincide con un stalkerware conocido. El stalkerware se vende para vigilar a otra persona en secreto: puede compartir mensajes, llamadas, ubicación, fotos y más con quien lo instaló.
    .not-means = No indica quién lo instaló ni cuándo, y no demuestra que alguien esté vigilando en este momento. Tampoco significa que la persona haya hecho algo mal.
    .caution = No lo desinstalen todavía. Quitarlo puede alertar a quien lo instaló y puede borrar evidencia. Primero documéntenlo y hagan un plan con una persona de apoyo.
scan-watchware-app = Aplicación de monitoreo instalada: { $app }
    .title = Aplicación de monitoreo instalada: { $app } ({ $package })
    .means = Una aplicación de este dispositivo es una aplicación de monitoreo conocida que no se oculta, como un localizador familiar o un control parental. Puede compartir la ubicación o la actividad con la cuenta de otra persona.
    .not-means = Estas aplicaciones muchas veces se instalan abiertamente y con consentimiento (para un hijo o entre familiares). Su presencia por sí sola no es stalkerware; lo importante es si la persona lo sabe y lo aceptó.
    .caution = Pregunten a la persona si la configuró y quién puede ver sus datos. Desactivar el uso compartido puede notarse desde la otra cuenta.
scan-stalkerware-certificate = Aplicación firmada por un desarrollador de stalkerware: { $package }
    .title = Aplicación firmada por un desarrollador de stalkerware: { $package }
    .means = Una aplicación de este dispositivo está firmada con la misma clave que un stalkerware conocido ({ $app }). El nombre puede parecer inofensivo, pero la clave muestra quién la hizo.
    .not-means = No muestra quién la instaló. Una clave de desarrollador es una señal fuerte, pero las listas de indicadores pueden tener errores.
    .caution = No la desinstalen todavía; primero documéntenla y hagan un plan.
scan-stalkerware-certificate-owner = Aplicación firmada a nombre de un vendedor de stalkerware: { $package }
    .title = Aplicación firmada a nombre de un vendedor de stalkerware: { $package }
    .means = El certificado de firma de esta aplicación nombra a una organización, o sigue un patrón de nombres, de un vendedor de stalkerware conocido ({ $app }).
    .not-means = Los nombres en los certificados se pueden copiar o coincidir; es una señal más débil que una clave y hay que mirarla con más detalle.
    .caution = Revisen la aplicación con una persona de apoyo antes de cambiar nada.
scan-stalkerware-file-hash = Archivo de stalkerware conocido: { $package }
    .title = Archivo de stalkerware conocido: { $package }
    .means = El archivo de instalación de esta aplicación es idéntico a una muestra de stalkerware conocida ({ $app }).
    .not-means = No dice quién la instaló ni cuándo.
    .caution = No la desinstalen todavía; primero documéntenla y hagan un plan.
scan-network-stalkerware-server = Contacto con un servidor de stalkerware: { $app }
    .title = Tráfico hacia servidores que usa { $app }
    .means = Dispositivos de esta red se comunicaron con servidores que { $app } usa para enviar los datos recogidos ({ $observed }; { $count } veces). Así es como las aplicaciones de vigilancia informan a quien las instaló.
    .not-means = Una captura muestra qué conexiones hubo, no qué dispositivo ni qué aplicación las hizo. No demuestra qué datos se enviaron.
    .caution = Bloquear estos servidores o quitar la aplicación puede alertar a quien recibe los datos. Guarden la captura como evidencia y hagan un plan primero.
scan-network-stalkerware-website = Visitas al sitio web de un vendedor de stalkerware: { $app }
    .title = Visitas al sitio web de { $app }
    .means = Un dispositivo de esta red abrió el sitio web de un vendedor de aplicaciones de vigilancia ({ $observed }; { $count } veces). Algunas aplicaciones también usan su sitio web para enviar datos.
    .not-means = Alguien que investiga sobre stalkerware (incluida la persona revisada o quien la apoya) también causaría esto. Por sí solo no muestra que la aplicación esté instalada.
    .caution = Piensen en quién usa esta red antes de sacar conclusiones.
scan-network-stalkerware-download = Descarga de stalkerware: { $app }
    .title = Tráfico hacia el lugar de descarga de { $app }
    .means = Un dispositivo de esta red se comunicó con un sitio que distribuye { $app } ({ $observed }). Alguien pudo haberlo descargado para instalarlo en un dispositivo.
    .not-means = No muestra qué dispositivo lo descargó ni si se instaló.
    .caution = Revisen los dispositivos que usan esta red, empezando por el teléfono de la persona.
scan-device-admin = Aplicación con permisos de administrador del dispositivo: { $package }
    .title = Aplicación con permisos de administrador: { $package }
    .means = Esta aplicación es administradora del dispositivo. Eso le permite bloquear la pantalla, vigilar los intentos de desbloqueo, borrar el dispositivo o hacer difícil desinstalarla. El stalkerware suele pedir estos permisos.
    .not-means = Las aplicaciones de trabajo, de escuela y de seguridad (y Encontrar mi dispositivo) también los usan. Una aplicación administradora desconocida es motivo para mirar más de cerca, no una prueba de vigilancia.
    .caution = Quitarle los permisos de administrador puede avisar a quien la controla. Documéntenlo primero.
scan-device-owner = Este dispositivo lo administra una organización o aplicación: { $package }
    .title = Dispositivo administrado por { $package }
    .means = Una aplicación es la "propietaria del dispositivo": puede controlar casi todo, incluso instalar aplicaciones y ver parte de la actividad.
    .not-means = Los teléfonos que entrega un empleador o una escuela se administran así a propósito. Un teléfono personal normalmente no tiene propietario de dispositivo.
    .caution = Pregunten a la persona si el teléfono vino de un empleador o de una escuela. Quitar la administración puede borrar el teléfono.
scan-accessibility-service = Aplicación que puede leer la pantalla: { $package }
    .title = Aplicación con acceso de accesibilidad: { $package }
    .means = Esta aplicación tiene acceso de accesibilidad: puede ver todo lo que aparece en la pantalla y lo que se escribe, y actuar en nombre de la persona. El stalkerware lo usa para capturar mensajes y contraseñas.
    .not-means = Los lectores de pantalla, los gestores de contraseñas y las aplicaciones de automatización lo usan por buenas razones.
    .caution = Si la persona no lo activó, hagan un plan antes de desactivarlo: la otra parte podría notarlo.
scan-notification-listener = Aplicación que puede leer las notificaciones: { $package }
    .title = Aplicación que lee las notificaciones: { $package }
    .means = Esta aplicación puede leer todas las notificaciones, incluidos los avances de mensajes y los códigos de verificación.
    .not-means = Las aplicaciones de relojes inteligentes, del auto y de mensajería usan este acceso normalmente.
    .caution = Si la persona no reconoce la aplicación, documéntenlo antes de cambiar el ajuste.
scan-usage-access = Aplicación que puede ver el uso de las aplicaciones: { $package }
    .title = Aplicación con acceso al uso: { $package }
    .means = Esta aplicación puede ver qué aplicaciones se usan y cuándo.
    .not-means = Las aplicaciones de batería, de bienestar digital y de control parental también lo usan.
    .caution = Anótenlo junto con los demás resultados; por sí solo es una señal débil.
scan-sensitive-permissions = Aplicación con acceso a ubicación, mensajes, llamadas, micrófono o cámara: { $package }
    .title = Accesos sensibles de { $package }
    .means = Esta aplicación tiene concedido: { $permissions }. Son el tipo de accesos que necesitan las aplicaciones de vigilancia.
    .not-means = Muchas aplicaciones normales necesitan algunos (una aplicación de mensajería usa la cámara y el micrófono). Importa sobre todo en aplicaciones que la persona no reconoce.
    .caution = Revisen con la persona cuáles de estos accesos espera que tenga esta aplicación.
scan-sideloaded-app = Aplicación instalada fuera de una tienda de aplicaciones: { $package }
    .title = Aplicación instalada fuera de una tienda: { $package }
    .means = Esta aplicación no se instaló desde una tienda oficial (instalador: { $installer }). El stalkerware no se puede vender en las tiendas de aplicaciones, así que se instala de esta forma, casi siempre por alguien que tuvo el teléfono en sus manos.
    .not-means = Algunas personas también instalan aplicaciones así a propósito (por ejemplo desde F-Droid, o aplicaciones del trabajo). Es motivo para preguntar, no una prueba.
    .caution = Pregunten a la persona si la instaló. No la desinstalen antes de hacer un plan.
scan-hidden-app-with-sensitive-permissions = Aplicación oculta con accesos sensibles: { $package }
    .title = Aplicación sin ícono que tiene accesos sensibles: { $package }
    .means = Esta aplicación no tiene ícono en el cajón de aplicaciones pero tiene accesos sensibles ({ $permissions }) o permisos especiales. Ocultar el ícono es típico del stalkerware.
    .not-means = Algunos servicios legítimos en segundo plano tampoco tienen ícono. Vean si la persona reconoce el nombre.
    .caution = Las aplicaciones ocultas son las que más probablemente avisen si se quitan. Hagan un plan primero.
scan-play-protect-off = Google Play Protect está desactivado
    .title = El análisis de aplicaciones (Play Protect) está desactivado
    .means = El ajuste que revisa si las aplicaciones hacen daño está desactivado ({ $setting }). Las instrucciones del stalkerware piden a los compradores desactivarlo para que la aplicación no sea detectada.
    .not-means = Algunas personas lo desactivan por su cuenta, y algunos teléfonos sin servicios de Google no lo tienen.
    .caution = Volver a activarlo puede detectar y quitar una aplicación de vigilancia, y la otra parte puede notarlo. Hagan un plan primero.
scan-unknown-sources-allowed = Se permite instalar aplicaciones de fuera de las tiendas
    .title = Se pueden instalar aplicaciones de fuera de las tiendas
    .means = El dispositivo permite instalar aplicaciones desde archivos o sitios web ({ $apps }). Así se instala el stalkerware.
    .not-means = También hace falta para algunas aplicaciones y tiendas legítimas.
    .caution = Por lo general es seguro desactivarlo una vez hecho el plan.
scan-developer-options-on = Las opciones de desarrollador están activadas
    .title = Las opciones de desarrollador están activadas
    .means = Hay ajustes ocultos para desarrolladores activados. Hacen falta para instalar o controlar aplicaciones desde una computadora.
    .not-means = Mucha gente los activa por razones inofensivas.
    .caution = Anótenlo junto con los demás resultados.
scan-usb-debugging-on = La depuración USB está activada
    .title = La depuración USB o inalámbrica está activada
    .means = Una computadora conectada al teléfono (o, con la depuración inalámbrica, en la misma red) puede instalar aplicaciones y leer datos, si el teléfono ya confió en ella antes.
    .not-means = { $needed_for_this_check ->
        [true] Esta misma revisión necesita la depuración USB, así que es normal que esté activada ahora.
       *[false] La usan desarrolladores y algunas herramientas de reparación o de copia de seguridad; pudo quedar activada.
    }
    .caution = Desactívenla después de la revisión, salvo que el plan diga otra cosa.
scan-device-rooted = Parece que el dispositivo tiene root
    .title = Señales de que el dispositivo tiene root o la seguridad desbloqueada
    .means = Señales encontradas: { $signals }. Un teléfono con root permite que las aplicaciones salten las protecciones de Android; algunos stalkerware necesitan root para leer mensajes de otras aplicaciones.
    .not-means = Algunas personas hacen root a su propio teléfono. El root también permite que la vigilancia se esconda de revisiones como esta, así que un resultado limpio vale menos en un teléfono con root.
    .caution = Quitar el root normalmente implica restablecer el teléfono: guarden primero la evidencia.
scan-security-patch-old = Las actualizaciones de seguridad son antiguas
    .title = Las actualizaciones de seguridad tienen { $age_days } días
    .means = El último parche de seguridad de este dispositivo es de { $patch_level }. Puede que no estén corregidas fallas conocidas que permiten entrar a aplicaciones o personas.
    .not-means = No es una señal de vigilancia; muchos teléfonos antiguos ya no reciben actualizaciones.
    .caution = Actualizar suele ser seguro y ayuda; si ya no hay actualizaciones, consideren un dispositivo más nuevo para las comunicaciones privadas.

## Opciones del plan de seguridad sugeridas por los resultados

scan-plan-plan-before-removing = Hacer un plan antes de quitar nada
scan-plan-document-evidence = Documentar lo encontrado (capturas de pantalla, este informe) y guardarlo en un lugar seguro
scan-plan-advocate-tech-safety-check = Hacer una revisión de seguridad tecnológica con una persona de apoyo
scan-plan-safe-device = Usar para las comunicaciones privadas un dispositivo más seguro al que la otra persona nunca haya tenido acceso
scan-plan-report-to-police = Considerar hacer una denuncia a la policía, con la evidencia
scan-plan-review-family-sharing = Revisar los ajustes de grupo familiar y de ubicación compartida
scan-plan-ask-who-manages-device = Averiguar quién administra el dispositivo (empleador, escuela, otra persona)
scan-plan-review-app-permissions = Revisar qué aplicaciones tienen qué permisos
scan-plan-turn-on-play-protect = Volver a activar Play Protect cuando sea seguro
scan-plan-review-install-sources = Desactivar la instalación desde fuentes desconocidas cuando sea seguro
scan-plan-review-developer-options = Desactivar las opciones de desarrollador y la depuración cuando sea seguro
scan-plan-update-device = Instalar las actualizaciones disponibles
